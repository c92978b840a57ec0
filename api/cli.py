"""The `govgraph` command line."""
from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from api.settings import Settings

app = typer.Typer(help="govgraph: a knowledge graph of boards, people, plans and principles from council papers.",
                  no_args_is_help=True, add_completion=False)
out = Console()
err = Console(stderr=True)

SAMPLE = Path(__file__).resolve().parent.parent / "extract" / "sample"

DataOpt = Annotated[Optional[Path], typer.Option("--data", help="data directory [env GOVGRAPH_DATA; default ./govgraph-data]")]


def _settings(data: Path | None, **extra: object) -> Settings:
    values = {k: v for k, v in extra.items() if v is not None}
    if data is not None:
        values["data"] = data
    return Settings(**values)


def _open_store(settings: Settings, read_only: bool = False):
    from graph.store import GraphStore

    return GraphStore.open(settings.data, read_only=read_only)


@app.command()
def build(
    paths: Annotated[list[Path], typer.Argument(help="papers and folders of papers (.txt .md .html .pdf .docx)")],
    data: DataOpt = None,
    overrides: Annotated[Optional[Path], typer.Option(help="identity overrides file (same / different pairs)")] = None,
    spacy_model: Annotated[Optional[str], typer.Option(help="an installed spaCy pipeline to use for names")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="no progress bar")] = False,
) -> None:
    """Read papers, extract their facts and store them, one named graph per document.

    The exit code is the number of files that failed (at most 100).
    """
    from api.build import build_paths
    from extract.documents import iter_paper_paths

    settings = _settings(data, overrides=overrides, spacy_model=spacy_model)
    store = _open_store(settings)
    total = sum(1 for _ in iter_paper_paths(paths))
    progress = Progress(TextColumn("[bold]building"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                        TextColumn("{task.description}"), console=err, disable=quiet or not err.is_terminal)

    def on_file(path: Path, outcome: str) -> None:
        if outcome.startswith("failed: "):
            progress.console.print(f"[red]error[/red]: {path}: {outcome[8:]}", highlight=False, soft_wrap=True)
        progress.update(task, advance=1, description=path.name)

    with progress:
        task = progress.add_task("", total=total)
        report = build_paths(store, paths, settings.extract_settings(), on_file)
    store.close()
    _print_summary(report, settings.data)
    raise typer.Exit(min(len(report.failed), 100))


def _print_summary(report, data: Path) -> None:
    table = Table(title=f"govgraph build → {data}", show_header=True)
    table.add_column("", style="bold")
    table.add_column("count", justify="right")
    table.add_row("documents stored", str(report.read))
    table.add_row("documents unchanged", str(report.unchanged))
    table.add_row("documents failed", str(len(report.failed)))
    for fact_type, count in sorted(report.facts.items()):
        table.add_row(f"facts: {fact_type}", str(count))
    table.add_row("time", f"{report.seconds:.1f} s")
    out.print(table)


@app.command()
def remove(
    paths: Annotated[list[str], typer.Argument(help="source paths (or document ids) to retract")],
    data: DataOpt = None,
) -> None:
    """Retract documents and every fact drawn from them."""
    store = _open_store(_settings(data))
    missing = 0
    for path in paths:
        if store.remove_document(path):
            out.print(f"removed {path}")
        else:
            err.print(f"[red]error[/red]: {path}: no such document in the store")
            missing += 1
    store.refresh_derived()
    store.close()
    raise typer.Exit(min(missing, 100))


@app.command()
def export(
    format: Annotated[str, typer.Option("--format", "-f", help="facts, nquads, trig, turtle or jsonld")] = "facts",
    data: DataOpt = None,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="file to write (default: standard output)")] = None,
) -> None:
    """Export the stored graph: the facts JSONL format or an RDF serialisation."""
    from api.exports import EXPORT_FORMATS, export_to

    if format not in EXPORT_FORMATS:
        err.print(f"[red]error[/red]: unknown format '{format}' (choose from {', '.join(EXPORT_FORMATS)})")
        raise typer.Exit(2)
    store = _open_store(_settings(data), read_only=True)
    try:
        if output is None:
            export_to(store, format, sys.stdout.buffer)
        else:
            tmp = output.with_name(output.name + ".part")
            with tmp.open("wb") as fh:
                export_to(store, format, fh)
            tmp.replace(output)
            err.print(f"wrote {output}")
    finally:
        store.close()


@app.command()
def documents(data: DataOpt = None) -> None:
    """List the stored documents."""
    store = _open_store(_settings(data), read_only=True)
    table = Table("id", "name", "date", "facts", "title")
    for row in store.documents():
        table.add_row(row["id"], row["name"], row.get("date") or "", str(row.get("facts", "")),
                      (row.get("title") or "")[:60])
    store.close()
    out.print(table)


@app.command()
def serve(
    data: DataOpt = None,
    host: Annotated[str, typer.Option(help="address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port to listen on")] = 8000,
) -> None:
    """Serve the API, the SPARQL endpoint and the views over the store."""
    import uvicorn

    from api.main import create_app

    settings = _settings(data, host=host, port=port)
    application = create_app(settings)
    out.print(f"govgraph serving {settings.data} at [bold]http://{host}:{port}/[/bold] (API docs at /docs)")
    uvicorn.run(application, host=host, port=port, log_level="warning")


@app.command()
def demo(
    data: Annotated[Path, typer.Option("--data", help="data directory for the demo")] = Path("govgraph-demo"),
    host: Annotated[str, typer.Option(help="address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port to listen on")] = 8000,
    no_serve: Annotated[bool, typer.Option("--no-serve", help="build only")] = False,
) -> None:
    """Build the bundled sample council's papers, then serve them."""
    from api.build import build_paths

    settings = _settings(data)
    store = _open_store(settings)
    report = build_paths(store, [SAMPLE], settings.extract_settings())
    store.close()
    for path, problem in report.failed:
        err.print(f"[red]error[/red]: {path}: {problem}")
    _print_summary(report, settings.data)
    if not no_serve:
        serve(data=data, host=host, port=port)


def main() -> None:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    app()


if __name__ == "__main__":
    main()
