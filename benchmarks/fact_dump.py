"""A canonical dump of every fact and quad a checkout builds, to check a restructuring changes none.

    python3 -m benchmarks.fact_dump OUT [--shared ../shared] [--set NAME ...]

Builds each set into a fresh store with this checkout's code (`python3 -m api.cli`), and writes
OUT/<set>.facts.jsonl (the facts export, one canonical JSON line a fact, sorted) and
OUT/<set>.nq (every stored quad, sorted, with the build time masked). Sets: `sample`
(extract/sample/), `fixtures` (tests/data/papers/), and from --shared, when present, `corpus`,
`dev-external` and `real-pdf`. Compare two dumps with `diff -r BEFORE AFTER`.
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_BUILD_TIME = re.compile(r'"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"\^\^<http://www.w3.org/2001/XMLSchema#dateTime>')


def sets(shared: Path) -> dict[str, Path]:
    found = {"sample": ROOT / "extract" / "sample", "fixtures": ROOT / "tests" / "data" / "papers"}
    for name, folder in (("corpus", shared / "corpus"), ("dev-external", shared / "dev-external" / "docs"),
                         ("real-pdf", shared / "real-pdf" / "docs")):
        if folder.is_dir():
            found[name] = folder
    return found


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "api.cli", *args], cwd=ROOT, capture_output=True, check=True)


def dump_set(papers: Path, out: Path, name: str) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        data = str(Path(tmp) / "data")
        subprocess.run([sys.executable, "-m", "api.cli", "build", str(papers), "--data", data, "--quiet"],
                       cwd=ROOT, capture_output=True)
        facts = [json.loads(line) for line in _cli("export", "--format", "facts", "--data", data).stdout.splitlines()
                 if line.strip()]
        quads = _cli("export", "--format", "nquads", "--data", data).stdout.decode("utf-8").splitlines()
    lines = sorted(json.dumps(f, sort_keys=True, ensure_ascii=False) for f in facts)
    (out / f"{name}.facts.jsonl").write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    masked = sorted({_BUILD_TIME.sub('"BUILD-TIME"', q) for q in quads if q.strip()})
    (out / f"{name}.nq").write_text("".join(q + "\n" for q in masked), encoding="utf-8")
    return len(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--set", action="append", dest="only", help="only these sets (repeatable)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, papers in sets(args.shared).items():
        if args.only and name not in args.only:
            continue
        print(f"{name:14} {dump_set(papers, args.out, name):6} facts", flush=True)


if __name__ == "__main__":
    main()
