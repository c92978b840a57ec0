"""The `govgraph` command line."""
from __future__ import annotations

import json
import logging
import sys
from datetime import date
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from api.settings import Settings

app = typer.Typer(help="govgraph: a knowledge graph of boards, people, plans and principles from council papers.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)
out = Console()
err = Console(stderr=True)

SAMPLE = Path(__file__).resolve().parent.parent / "extract" / "sample"

DataOpt = Annotated[Optional[Path], typer.Option("--data", help="data directory (default: $GOVGRAPH_DATA or ./govgraph-data)")]


def _settings(data: Path | None, **extra: object) -> Settings:
    values = {k: v for k, v in extra.items() if v is not None}
    if data is not None:
        values["data"] = data
    return Settings(**values)


def _open_store(settings: Settings, read_only: bool = False):
    from api.build import open_store
    from graph.errors import GraphError

    try:
        return open_store(settings.data, read_only=read_only)
    except GraphError as exc:
        hint = " (run `govgraph build PAPERS` first)" if read_only and not settings.data.exists() else ""
        err.print(f"[red]error[/red]: {exc}{hint}", highlight=False)
        raise typer.Exit(1) from None


@app.command()
def build(
    paths: Annotated[list[Path], typer.Argument(help="papers and folders of papers (.txt .md .html .pdf .docx)")],
    data: DataOpt = None,
    overrides: Annotated[Optional[Path], typer.Option(help="identity overrides file (same / different pairs)")] = None,
    spacy_model: Annotated[Optional[str], typer.Option(help="an installed spaCy pipeline (name or path) for "
                                                            "names in prose; implies --ner")] = None,
    ner: Annotated[Optional[bool], typer.Option("--ner/--no-ner", help="find people in prose with the spaCy NER")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="no progress bar")] = False,
) -> None:
    """Read papers, extract their facts and store them, one named graph per document.

    The exit code is the number of files that failed (at most 100).
    """
    from api.build import build_paths
    from extract import iter_paper_paths

    settings = _settings(data, overrides=overrides, spacy_model=spacy_model, ner=ner)
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
        report = build_paths(store, paths, settings.extract_settings(), on_file, settings.budget())
    store.close()
    for path, problem in report.warnings:
        err.print(f"[yellow]warning[/yellow]: {path}: {problem}", highlight=False, soft_wrap=True)
    _print_summary(report, settings.data)
    raise typer.Exit(min(len(report.failed), 100))


def _print_summary(report, data: Path) -> None:
    table = Table(title=f"govgraph build → {data}", show_header=True)
    table.add_column("", style="bold")
    table.add_column("count", justify="right")
    table.add_row("documents stored", str(report.read))
    table.add_row("documents unchanged", str(report.unchanged))
    table.add_row("documents failed", str(len(report.failed)))
    if report.warnings:
        table.add_row("facts left out (warnings)", str(len(report.warnings)))
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
    from api.build import derive

    store = _open_store(_settings(data))
    missing = 0
    for path in paths:
        if store.remove_document(path):
            out.print(f"removed {path}")
        else:
            err.print(f"[red]error[/red]: {path}: no such document in the store")
            missing += 1
    derive(store)
    store.close()
    raise typer.Exit(min(missing, 100))


@app.command()
def export(
    format: Annotated[str, typer.Option("--format", "-f", help="facts, nquads, trig, turtle, jsonld, graphml, gexf, "
                                                               "csv (a zip of tables) or popolo")] = "facts",
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
    for doc in store.documents():
        table.add_row(doc.id, doc.name, doc.date.isoformat() if doc.date else "", str(doc.facts),
                      (doc.title or "")[:60])
    store.close()
    out.print(table)


def _parse_day(value: str, option: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        err.print(f"[red]error[/red]: {option} wants a date as YYYY-MM-DD, not {value!r}")
        raise typer.Exit(2) from None


def _read_store(data: Path | None):
    """The store opened read-only, closed when the `with` ends."""
    from contextlib import closing

    return closing(_open_store(_settings(data), read_only=True))


def _resolve(store, name: str, kind: str, option: str) -> str:
    """The IRI of the `kind` that `name` names (a name, a variant or an IRI); exit 1 saying why not."""
    from api.errors import NotFound
    from api.queries.entities import find_entity

    try:
        return find_entity(store, name, kind)
    except NotFound as exc:
        err.print(f"[red]error[/red]: {option}: {exc}", highlight=False)
        raise typer.Exit(1) from None


def _emit(model, fmt: str, tables: list[tuple[str, list[str], list[dict]]]) -> None:
    """JSON: exactly the API's answer to the same question; table: one table per group of rows."""
    if fmt == "json":
        sys.stdout.write(json.dumps(model.model_dump(mode="json", by_alias=True), indent=2, ensure_ascii=False) + "\n")
        return
    for title, columns, rows in tables:
        if not rows:
            continue
        table = Table(*columns, title=title)
        for row in rows:
            table.add_row(*[_cell(row.get(c)) for c in columns])
        out.print(table)


def _cell(value: object) -> str:
    if isinstance(value, list):
        return "; ".join(_cell(v) for v in value if v)
    if isinstance(value, dict) and "document_name" in value:
        return f"{value['document_name']}:{value['line']}"
    if isinstance(value, dict) and "name" in value:
        return str(value["name"] or value.get("key") or "")
    return "" if value is None else str(value)


def _check_format(fmt: str) -> None:
    if fmt not in ("table", "json"):
        err.print(f"[red]error[/red]: --format is table or json, not {fmt!r}")
        raise typer.Exit(2)


FormatOpt = Annotated[str, typer.Option("--format", "-f", help="table or json (json: the API's answer)")]
MEMBER_COLUMNS = ["person", "role", "member", "reason", "evidence"]


@app.command()
def members(
    body: Annotated[str, typer.Argument(help="the body, by any of its names (or its IRI)")],
    as_of: Annotated[str, typer.Option("--as-of", help="date, YYYY-MM-DD")],
    data: DataOpt = None,
    format: FormatOpt = "table",
) -> None:
    """Everyone listed on a body, answered for a date: yes, unknown or no, each with its reason and evidence."""
    from api.queries.membership import members_as_of

    _check_format(format)
    day = _parse_day(as_of, "--as-of")
    with _read_store(data) as store:
        answer = members_as_of(store, _resolve(store, body, "body", "BODY"), day)
    dump = answer.model_dump(mode="json")
    name = answer.body.name
    listing = f" (listing of {answer.listing_date})" if answer.listing_date else " (no listing on or before it)"
    _emit(answer, format, [
        (f"{name}: members on {day}{listing}", MEMBER_COLUMNS, dump["members"]),
        (f"{name}: unknown on {day}", MEMBER_COLUMNS, dump["unknown"]),
        (f"{name}: not members on {day}, listed before it", MEMBER_COLUMNS, dump["former"]),
        (f"{name}: not members on {day}, first listed after it", MEMBER_COLUMNS, dump["future"]),
        (f"{name}: vacancies in the listing in force", ["role", "post", "evidence"], dump["vacancies"]),
        (f"{name}: undated listings", ["person", "role", "evidence"], dump["undated"]),
    ])
    if format == "table" and not any(dump[k] for k in ("members", "unknown", "former", "future", "undated")):
        out.print(f"{name}: no one is listed on this body")


@app.command()
def changes(
    body: Annotated[str, typer.Argument(help="the body, by any of its names (or its IRI)")],
    start: Annotated[str, typer.Option("--from", help="date, YYYY-MM-DD")],
    end: Annotated[str, typer.Option("--to", help="date, YYYY-MM-DD")],
    data: DataOpt = None,
    format: FormatOpt = "table",
) -> None:
    """Who joined, left or changed role on a body between two dates, citing both ends."""
    from api.queries.membership import changes_between

    _check_format(format)
    first, last = _parse_day(start, "--from"), _parse_day(end, "--to")
    if last < first:
        err.print("[red]error[/red]: --to is before --from")
        raise typer.Exit(2)
    with _read_store(data) as store:
        answer = changes_between(store, _resolve(store, body, "body", "BODY"), first, last)
    rows = answer.model_dump(mode="json")["changes"]
    _emit(answer, format, [(f"{answer.body.name}: {first} to {last}",
                            ["change", "person", "role_from", "role_to", "date", "evidence", "disagreement"], rows)])
    if format == "table" and not rows:
        out.print(f"{answer.body.name}: no change between {first} and {last}")


@app.command()
def interlocks(
    as_of: Annotated[str, typer.Option("--as-of", help="date, YYYY-MM-DD")],
    data: DataOpt = None,
    format: FormatOpt = "table",
    confirmed: Annotated[bool, typer.Option("--confirmed", help="only seats answered yes")] = False,
) -> None:
    """People with seats on two or more bodies on a date; each seat yes or unknown, confirmed people first."""
    from api.queries.membership import interlocks_on

    _check_format(format)
    day = _parse_day(as_of, "--as-of")
    with _read_store(data) as store:
        answer = interlocks_on(store, day, confirmed)
    flat = [{"person": p.person.name, "confirmed": "yes" if p.confirmed else "no",
             "seats": "; ".join(f"{s.body.name} ({s.role}, {s.member})" for s in p.seats)} for p in answer.people]
    _emit(answer, format, [(f"people on several bodies as of {day}", ["person", "confirmed", "seats"], flat)])
    if format == "table" and not flat:
        out.print(f"no one has seats on two or more bodies on {day}")


@app.command()
def view(
    name: Annotated[str, typer.Argument(help="membership, oversight, alignment, neighbourhood, timeline or heatmap")],
    output: Annotated[Path, typer.Option("-o", "--output", help="HTML file to write")],
    data: DataOpt = None,
    body: Annotated[str, typer.Option(help="only this body (a name, variant or IRI)")] = "",
    as_of: Annotated[str, typer.Option("--as-of", help="date, YYYY-MM-DD")] = "",
    entity: Annotated[str, typer.Option(help="the entity at the centre (neighbourhood view): a name or IRI "
                                             "of a body, person or plan")] = "",
    budget: Annotated[int, typer.Option(help="most nodes to draw")] = 500,
) -> None:
    """Write a view as a standalone HTML file."""
    from api.view_export import export_view
    from visualisations import UnknownView

    if as_of:
        _parse_day(as_of, "--as-of")
    with _read_store(data) as store:
        body_iri = _resolve(store, body, "body", "--body") if body else ""
        entity_iri = _resolve_any(store, entity) if entity else ""
        try:
            written = export_view(store, name, output, body=body_iri, date=as_of, entity=entity_iri, budget=budget)
        except UnknownView as exc:
            err.print(f"[red]error[/red]: {exc}")
            raise typer.Exit(2) from None
        except OSError as exc:
            err.print(f"[red]error[/red]: cannot write {output}: {exc.strerror or exc}")
            raise typer.Exit(1) from None
    err.print(f"wrote {written}")


def _resolve_any(store, name: str) -> str:
    """A body, person or plan that `name` names, tried in that order (exit 1 when none does)."""
    from api.errors import NotFound
    from api.queries.entities import find_entity

    problems = []
    for kind in ("body", "person", "plan"):
        try:
            return find_entity(store, name, kind)
        except NotFound as exc:
            problems.append(str(exc))
    err.print(f"[red]error[/red]: --entity: {'; '.join(problems)}", highlight=False)
    raise typer.Exit(1)


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
    _repair_derived(settings)
    application = create_app(settings)
    out.print(f"govgraph serving {settings.data} at [bold]http://{host}:{port}/[/bold] (API docs at /docs)")
    uvicorn.run(application, host=host, port=port, log_level="warning")


def _repair_derived(settings: Settings) -> None:
    """Bring the derived graphs up to date before serving (opening for writing does it), unless a
    build holds the store: that build will."""
    from api.build import open_store
    from graph.errors import GraphError

    if not (settings.data / "store").is_dir():
        return
    try:
        open_store(settings.data).close()
    except GraphError as exc:
        logging.getLogger(__name__).info("derived graphs not checked: %s", exc)


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
    report = build_paths(store, [SAMPLE], settings.extract_settings(), budget=settings.budget())
    store.close()
    for path, problem in report.failed:
        err.print(f"[red]error[/red]: {path}: {problem}")
    _print_summary(report, settings.data)
    if not no_serve:
        serve(data=data, host=host, port=port)


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            out.print(f"govgraph {version('govgraph')}", highlight=False)
        except PackageNotFoundError:
            out.print("govgraph (not installed)", highlight=False)
        raise typer.Exit()


@app.callback()
def _options(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                                   help="print the version and exit")] = False) -> None:
    """govgraph: a knowledge graph of boards, people, plans and principles from council papers."""


def main() -> None:
    """The command line; a user's mistake (a bad path, name or file) is one error line, never a traceback."""
    from api.errors import ApiError
    from graph.errors import GraphError

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        app(standalone_mode=True)
    except (GraphError, ApiError, OSError, ValueError) as exc:
        err.print(f"[red]error[/red]: {exc}", highlight=False)
        sys.exit(1)


if __name__ == "__main__":
    main()
