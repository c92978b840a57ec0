"""Score govgraph on every answer-keyed set in ../shared.

Each set is built into a fresh store by this checkout's code (`python3 -m api.cli`, so a
git worktree scores its own code), exported as facts from the store, and scored with
the shared `score.py`. Prints one table per set, a summary of F1 by type and set, and the
ten worst papers of each multi-paper set.

    python3 .ci/evaluate.py [--shared ../shared] [--set dev-external ...]
                            [--show-misses TYPE] [--keep DIR] [--json FILE]

Renditions (the keyed papers as DOCX, PDF and HTML) are scored against ../shared/gold
with the export's `.pdf`/`.docx`/`.html` names read as `.txt`.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SUMMARY_TYPES = ("person", "organisation", "plan", "attendance", "membership", "membership+role",
                 "position", "change", "oversight", "principle", "action", "alignment")


def load_scorer(shared: Path):
    spec = importlib.util.spec_from_file_location("govgraph_score", shared / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def sets(shared: Path) -> list[tuple[str, Path, Path]]:
    """(name, papers folder, answer key folder) of every keyed set present."""
    found = []
    if (shared / "corpus").is_dir() and (shared / "gold").is_dir():
        found.append(("corpus", shared / "corpus", shared / "gold"))
    for name, sub in (("dev-external", "dev-external"), ("real-pdf", "real-pdf")):
        if (shared / sub / "docs").is_dir() and (shared / sub / "gold").is_dir():
            found.append((name, shared / sub / "docs", shared / sub / "gold"))
    renditions = shared / "renditions"
    if renditions.is_dir():
        for folder in sorted(p for p in renditions.iterdir() if p.is_dir()):
            found.append((f"renditions/{folder.name}", folder, shared / "gold"))
    return found


def build_and_export(papers: Path, work: Path) -> tuple[list[dict], float, int]:
    data, facts = work / "data", work / "facts.jsonl"
    cli = [sys.executable, "-m", "api.cli"]
    start = time.perf_counter()
    built = subprocess.run([*cli, "build", str(papers), "--data", str(data), "--quiet"], cwd=ROOT,
                           capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if built.returncode:
        sys.stderr.write(built.stderr[-2000:])
    subprocess.run([*cli, "export", "--format", "facts", "--data", str(data), "-o", str(facts)], cwd=ROOT,
                   check=True, capture_output=True)
    rows = [json.loads(line) for line in facts.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows, seconds, built.returncode


def as_text_names(rows: list[dict]) -> list[dict]:
    for row in rows:
        row["doc"] = re.sub(r"\.(pdf|docx|html?)$", ".txt", row.get("doc") or "")
    return rows


def print_table(result: dict) -> None:
    print(f"{'type':20} {'gold':>6} {'pred':>6} {'hit':>6} {'P':>6} {'R':>6} {'F1':>6}")
    for t, row in result["types"].items():
        print(f"{t:20} {row['gold']:6} {row['pred']:6} {row['hit']:6} {row['P']:6.3f} {row['R']:6.3f} {row['F1']:6.3f}")
    s = result["summary"]
    res = s["resolution"]
    print(f"people resolved: {res['people_found']}, split: {len(res['splits'])}, merged: {len(res['merges'])}"
          f"{' ' + str(res['merges']) if res['merges'] else ''}")
    print(f"entities macro F1 {s['entities_macro_F1']:.3f}  relations macro F1 {s['relations_macro_F1']:.3f}")


def worst_papers(scorer, gold: list[dict], pred: list[dict], n: int = 10) -> list[tuple[float, str, str]]:
    by_doc_gold, by_doc_pred = defaultdict(list), defaultdict(list)
    for f in gold:
        by_doc_gold[f["doc"]].append(f)
    for f in pred:
        by_doc_pred[f.get("doc")].append(f)
    lines = []
    for doc, facts in by_doc_gold.items():
        result = scorer.score(facts, by_doc_pred.get(doc, []))
        result.pop("_keys")
        types = result["types"]
        scored = [t for t in SUMMARY_TYPES if t in types and types[t]["gold"]]
        mean = sum(types[t]["F1"] for t in scored) / len(scored) if scored else 1.0
        detail = " ".join(f"{t} {types[t]['hit']}/{types[t]['gold']}" + (f"(+{types[t]['pred'] - types[t]['hit']})"
                                                                        if types[t]['pred'] > types[t]['hit'] else "")
                          for t in scored)
        lines.append((mean, doc, detail))
    return sorted(lines)[:n]


def show_misses(scorer, gold: list[dict], pred: list[dict], fact_type: str) -> None:
    result = scorer.score(gold, pred)
    g_keys, p_keys = result.pop("_keys")
    grouped: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for label, keys in (("missed", g_keys[fact_type] - p_keys[fact_type]),
                        ("spurious", p_keys[fact_type] - g_keys[fact_type])):
        for key in keys:
            grouped[key[0]][label].append(key[1:])
    worst = sorted(grouped.items(), key=lambda kv: -sum(len(v) for v in kv[1].values()))
    for doc, labels in worst:
        print(f"\n  {doc}:")
        for label in ("missed", "spurious"):
            for key in sorted(labels.get(label, []), key=str):
                print(f"    {label:8} {key}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--set", action="append", dest="only", help="score only this set (repeatable)")
    ap.add_argument("--show-misses", metavar="TYPE", help="missed and spurious keys of TYPE, by paper, worst first")
    ap.add_argument("--keep", type=Path, help="keep each set's facts export in this folder")
    ap.add_argument("--json", type=Path, help="write every set's scores to this file")
    args = ap.parse_args()

    scorer = load_scorer(args.shared)
    summary: dict[str, dict] = {}
    failures = 0
    for name, papers, gold_dir in sets(args.shared):
        if args.only and name not in args.only:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            pred, seconds, failed = build_and_export(papers, Path(tmp))
        failures += failed
        if name.startswith("renditions/"):
            pred = as_text_names(pred)
        gold = scorer.load([str(gold_dir)])
        if name.startswith("renditions/"):
            stems = {p.stem for p in papers.iterdir()}
            gold = [f for f in gold if Path(f["doc"]).stem in stems]
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            out = args.keep / f"{name.replace('/', '_')}.jsonl"
            out.write_text("".join(json.dumps(r) + "\n" for r in pred), encoding="utf-8")
        counts = Counter(r["type"] for r in pred)
        print(f"\n=== {name}: {papers} ({len(list(papers.iterdir()))} files, built in {seconds:.1f} s,"
              f" {failed} failed)")
        print("facts by type:", ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
        result = scorer.score(gold, pred)
        result.pop("_keys")
        print_table(result)
        summary[name] = result
        docs = {f["doc"] for f in gold}
        if len(docs) > 3:
            print("worst papers (mean F1 over the types each paper has):")
            for mean, doc, detail in worst_papers(scorer, gold, pred):
                print(f"  {mean:.2f}  {doc:58} {detail}")
        if args.show_misses:
            print(f"misses of {args.show_misses}, by paper:")
            show_misses(scorer, gold, pred, args.show_misses)

    names = list(summary)
    print("\n=== F1 by type and set")
    short = [n.replace("renditions/", "r/") for n in names]
    print(f"{'type':16}" + "".join(f"{s:>17}" for s in short))
    for t in SUMMARY_TYPES:
        cells = [summary[n]["types"].get(t) for n in names]
        if not any(c and c["gold"] for c in cells):
            continue
        print(f"{t:16}" + "".join(f"{c['F1']:17.3f}" if c and c['gold'] else f"{'-':>17}" for c in cells))
    print(f"{'relations macro':16}" + "".join(f"{summary[n]['summary']['relations_macro_F1']:17.3f}" for n in names))
    print(f"{'entities macro':16}" + "".join(f"{summary[n]['summary']['entities_macro_F1']:17.3f}" for n in names))
    if args.json:
        args.json.write_text(json.dumps(summary, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
