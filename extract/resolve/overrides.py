"""The overrides file: person pairs a reviewer says are (or are not) one person."""
from __future__ import annotations

import json
import logging
import re
from pathlib import Path
from typing import Any

# the pass has always logged as "extract.resolve"; keep the name so log filters still match
log = logging.getLogger("extract.resolve")


def load_overrides(path: str | None) -> dict[str, list[tuple[str, str]]]:
    """{"same": [(a, b)], "different": [(a, b)]} from a JSON or YAML file; empty when none."""
    if not path:
        return {"same": [], "different": []}
    p = Path(path)
    if not p.exists():
        log.warning("overrides file %s not found", path)
        return {"same": [], "different": []}
    text = p.read_text(encoding="utf-8")
    data: Any
    if p.suffix.lower() in (".yaml", ".yml"):
        try:
            import yaml  # type: ignore[import-untyped]
            data = yaml.safe_load(text) or {}
        except ImportError:
            data = _mini_yaml(text)
    else:
        data = json.loads(text or "{}")
    out: dict[str, list[tuple[str, str]]] = {"same": [], "different": []}
    for key in out:
        for pair in data.get(key, []) or []:
            if isinstance(pair, (list, tuple)) and len(pair) == 2:
                out[key].append((str(pair[0]), str(pair[1])))
    return out


def _mini_yaml(text: str) -> dict[str, list[list[str]]]:
    """Enough YAML for `same:` / `different:` lists of `- [a, b]` pairs."""
    data: dict[str, list[list[str]]] = {}
    key = None
    for line in text.splitlines():
        if re.match(r"^\w+:\s*$", line):
            key = line.strip()[:-1]
            data[key] = []
        m = re.match(r"^\s*-\s*\[(.+),(.+)\]\s*$", line)
        if m and key:
            data[key].append([m.group(1).strip(" '\""), m.group(2).strip(" '\"")])
    return data
