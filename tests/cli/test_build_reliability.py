"""A build over junk, and builds killed at random points: real `govgraph build` subprocesses.

The junk batch holds files every reader must refuse or survive (empty, binary, wrong encoding, a
huge line, a truncated PDF, random bytes named .pdf/.docx/.html), a file that runs past the time
budget and one that yields more facts than the fact budget, beside two good papers. Each bad file
is named on one error line, and the good papers are stored. The kill test kills builds at seeded
random moments, rebuilds, and compares the sorted quads with a clean build's.
"""
from __future__ import annotations

import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from api.cli import SAMPLE
from graph.store import GraphStore

pytestmark = pytest.mark.reliability

ROOT = Path(__file__).resolve().parents[2]
GOOD = ("04_wexcombe_csp_2021-09-15_safer_streets_strategy.txt", "05_wexcombe_csp_2022-07-13_meeting_record.txt")


def _words(rng: random.Random, size: int, breaks: bool) -> str:
    """Random words (some capitalised, some ending a sentence), on one line unless `breaks`."""
    vocab = ["".join(rng.choice("abcdefghijklmnoprstuvw") for _ in range(rng.randint(2, 9))) for _ in range(2000)]
    vocab += [w.capitalize() for w in vocab[:500]] + ["Plan", "Strategy", "Board", "will", "deliver", "through"]
    out, n = [], 0
    while n < size:
        word = rng.choice(vocab) + ("." if rng.random() < 0.03 else "")
        out.append(word)
        n += len(word) + 1
    return ("\n" if breaks else " ").join(out) + "\n"


def _roll(rng: random.Random, rows: int) -> str:
    """An attendance sheet of invented people: many facts from a small file."""
    syllables = ["ka", "lo", "mi", "ren", "dar", "vel", "tor", "sa", "bin", "mor", "el", "qui"]

    def part() -> str:
        return "".join(rng.choice(syllables) for _ in range(2)).capitalize()

    lines = [f"{part()} {part()}{part().lower()}\tNorthfold Council, Officer\tAttended" for _ in range(rows)]
    return ("Northfold Partnership Board\n\nMeeting record\n\nDate: Tuesday 3rd May 2022\n\nATTENDANCE SHEET\n\n"
            "Invited member\tOrganisation and role\tAttended / Apologies\n" + "\n".join(lines) + "\n")


def junk_corpus(folder: Path) -> dict[str, str | None]:
    """Write the junk batch; each file name with the budget it must be refused for ("time",
    "facts"), "refused" for any named refusal, or None for a file that may be stored or refused."""
    rng = random.Random(20261202)
    pdf = (SAMPLE.parent.parent.parent / "tests" / "data").rglob("*.pdf")
    real_pdf = next(iter(sorted(pdf)), None)
    files: dict[str, tuple[bytes, str | None]] = {
        "empty.txt": (b"", "refused"),
        "binary.txt": (bytes(rng.randrange(256) for _ in range(4096)) + b"\x00" * 64, "refused"),
        "latin1.txt": ("Minutes of the Board\n\nPresent: Cllr Zo\xeb M\xfcller (Chair)\n".encode("latin-1"), None),
        "huge_line.txt": (_words(rng, 400_000, breaks=False).encode(), None),
        "slow.txt": (_words(rng, 3_000_000, breaks=True).encode(), "time"),
        "roll.txt": (_roll(rng, 120).encode(), "facts"),
        "truncated.pdf": ((real_pdf.read_bytes()[:1500] if real_pdf else b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog"),
                          "refused"),
        "random.pdf": (rng.randbytes(5000), "refused"),
        "random.docx": (rng.randbytes(5000), "refused"),
        "random.html": (rng.randbytes(5000), None),
    }
    for name, (data, _) in files.items():
        (folder / name).write_bytes(data)
    for name in GOOD:
        shutil.copy(SAMPLE / name, folder / name)
    return {name: expected for name, (_, expected) in files.items()}


def run_build(papers: Path, data: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("GOVGRAPH_")} | env
    return subprocess.run([sys.executable, "-m", "api.cli", "build", str(papers), "--data", str(data), "--quiet"],
                          cwd=ROOT, env=environ, capture_output=True, text=True, timeout=180)


def sorted_quads(data: Path) -> list[str]:
    """The store's quads, sorted, less the time each document was read (it differs between builds)."""
    with GraphStore.open(data, read_only=True) as store:
        lines = store.serialize("nquads").decode("utf-8").splitlines()
    return sorted(line for line in lines if "prov#generatedAtTime" not in line)


def test_a_junk_batch_names_each_bad_file_once_and_stores_the_good_papers(tmp_path: Path) -> None:
    papers = tmp_path / "papers"
    papers.mkdir()
    expected = junk_corpus(papers)
    started = time.monotonic()
    done = run_build(papers, tmp_path / "data", GOVGRAPH_FILE_TIMEOUT="5", GOVGRAPH_FILE_FACTS="300")
    took = time.monotonic() - started
    errors = [line for line in done.stderr.splitlines() if line.startswith("error: ")]
    named = {name: [line for line in errors if re.search(rf"[/\\]{re.escape(name)}: ", line)]
             for name in [*expected, *GOOD]}
    assert all(len(lines) <= 1 for lines in named.values()), errors
    assert len(errors) == sum(len(lines) for lines in named.values()), errors  # every error line names one file
    assert done.returncode == len(errors), done.stderr
    for name, kind in expected.items():
        if kind is not None:
            assert named[name], f"{name} was not reported: {done.stderr}"
    assert "longer than the budget of 5 s per file (GOVGRAPH_FILE_TIMEOUT)" in named["slow.txt"][0]
    assert "more than the budget of 300 per file (GOVGRAPH_FILE_FACTS)" in named["roll.txt"][0]
    assert took < 120
    with GraphStore.open(tmp_path / "data", read_only=True) as store:
        stored = {doc.name for doc in store.documents()}
    assert set(GOOD) <= stored
    assert not stored & {name for name, lines in named.items() if lines}  # nothing of a failed file is stored


def test_a_paper_after_a_timed_out_one_is_still_stored_in_order(tmp_path: Path) -> None:
    """The killed worker is replaced: the files after it are read, and stored as a clean build stores them."""
    papers = tmp_path / "papers"
    papers.mkdir()
    for name in GOOD:
        shutil.copy(SAMPLE / name, papers / name)
    assert run_build(papers, tmp_path / "clean").returncode == 0
    (papers / "00_slow.txt").write_text(_words(random.Random(1), 3_000_000, breaks=True))
    done = run_build(papers, tmp_path / "data", GOVGRAPH_FILE_TIMEOUT="2", GOVGRAPH_BUILD_WORKERS="1")
    assert done.returncode == 1, done.stderr
    assert "00_slow.txt: extraction took longer than the budget of 2 s" in done.stderr
    assert sorted_quads(tmp_path / "data") == sorted_quads(tmp_path / "clean")


KILL_PAPERS = ("01_wexcombe_hwb_2021-06-17_agenda_pack.txt", "02_wexcombe_hwb_2022-03-10_agenda_pack.txt",
               "05_wexcombe_csp_2022-07-13_meeting_record.txt")


def test_builds_killed_at_random_points_converge_on_a_clean_build(tmp_path: Path) -> None:
    papers = tmp_path / "papers"
    papers.mkdir()
    for name in KILL_PAPERS:
        shutil.copy(SAMPLE / name, papers / name)
    started = time.monotonic()
    assert run_build(papers, tmp_path / "clean").returncode == 0
    clean_seconds = time.monotonic() - started
    clean = sorted_quads(tmp_path / "clean")
    rng = random.Random(4242)
    data = tmp_path / "data"
    killed = 0
    for _ in range(3):
        environ = {k: v for k, v in os.environ.items() if not k.startswith("GOVGRAPH_")}
        build = subprocess.Popen([sys.executable, "-m", "api.cli", "build", str(papers), "--data", str(data),
                                  "--quiet"], cwd=ROOT, env=environ, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL, start_new_session=True)
        time.sleep(rng.uniform(0.3, clean_seconds))
        if build.poll() is None:
            os.killpg(build.pid, signal.SIGKILL)  # the build and its extraction workers
            killed += 1
        build.wait(30)
    assert run_build(papers, data).returncode == 0
    assert sorted_quads(data) == clean
    assert killed >= 1
    print(f"{killed} builds killed, the rebuild's {len(clean)} quads equal a clean build's")
