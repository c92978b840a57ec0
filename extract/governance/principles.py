"""Enumerated principles of a framework: strategic (SP1...) and enabling (EP1...).

Papers print them as two side-by-side numbered lists under "Strategic Principles" and
"Enabling Principles" (a table row per page, items run together by PDF conversion),
as numbered lists under a "... Principles" heading, or as labelled lines
("Strategic Principle 3: ..."). Ids keep the printed numbers, gaps included.
Labels quoted in action tables ("[Enabling Principle 3] We will ...") fill in any
principle whose list the paper does not print.
"""
from __future__ import annotations

import re

from extract.governance.common import PRINCIPLE_LABEL, clean, kind_name, kind_prefix, quote_of, title_case
from extract.pipeline import Context, register
from extract.records import Document, Fact

_KIND_HEAD = re.compile(r"\b(strategic|enabling|guiding|core|key|delivery|operating)\s+principles\b", re.IGNORECASE)
_ANY_HEAD = re.compile(r"\bprinciples\b", re.IGNORECASE)
_ENUM = re.compile(r"(?:^|(?<=[.!?;:)\s\u201d\"]))\s*(\d{1,2})[.)]\s+(?=[A-Z\u2018'\"])")
_LABELLED = re.compile(
    r"^\s*\[?\s*(strategic|enabling|guiding|core|key|delivery|operating)\s+principle\s*(\d{1,2})\s*\]?\s*[:.\-–—]?\s*"
    r"(?P<text>[A-Z].{15,})$", re.IGNORECASE)
#: "EP1 We will ...", "- SP2: We will ..."
_ID_ITEM = re.compile(r"^\s*(?:[-*•·▪●◦]\s*)?\[?([SEGCKDO]P)\s?(\d{1,2})\]?\s*[:.)\-–—]?\s+(?P<text>[A-Z\u2018'\"].{9,})$")
#: "Principle 1 – We will ...", "1. We will ...", "(2) We will ..."
_GENERIC_ITEM = re.compile(r"^\s*(?:[-*•·▪●◦]\s*)?(?:principle\s+(\d{1,2})\s*[:.)\-–—]?|\(?(\d{1,2})[.)])\s+"
                           r"(?P<text>[A-Z\u2018'\"].{9,})$", re.IGNORECASE)


#: a heading naming principles of no kind: "Our Principles", "3. Principles"
_GENERIC_HEAD = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?\s+)?(?:our|the|key)?\s*principles\s*:?\s*$", re.IGNORECASE)
#: "Our values", "Core Values", "3. Values": a framework's values (V1, V2, ...)
_VALUES_HEAD = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?\s+)?(?:our|the|key|core|shared)?\s*values\s*:?\s*$", re.IGNORECASE)
#: "V1 We put ...", "CV2: We ...": an id of a letter or two under a values heading
_VALUE_ITEM = re.compile(r"^\s*(?:[-*•·▪●◦]\s*)?\[?((?:[A-Z]{0,2}V)|VAL)\s?(\d{1,2})\]?\s*[:.)\-–—]?\s+"
                         r"(?P<text>[A-Z\u2018'\"].{9,})$")
#: "Strategic Aim 1: ...", "Enabler 2 – ...": the strategic / enabling pair under other names
_AIM_LABELLED = re.compile(r"^\s*(?:[-*•·▪●◦]\s*)?(?P<kind>Strategic\s+(?:Aim|Objective|Ambition)|Enabler|Enabling\s+Theme)"
                           r"\s+(?P<n>\d{1,2})\s*[:.\-–—]\s*(?P<text>[A-Z].{9,})$", re.IGNORECASE)


def _is_heading_like(text: str) -> bool:
    """'5. ACTION PLAN 2021-2022': mostly capitals, no sentence."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.7 and not text.rstrip().endswith(".")


#: "2. Guiding principles", "3.1 Our values": a numbered heading in sentence case
_NUMBERED_HEAD = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2})*\.?\s+(?:our\s+|the\s+|key\s+|core\s+)?"
                            r"(?:(?:strategic|enabling|guiding|core|key|delivery|operating)\s+)?(?:principles|values)\s*:?\s*$",
                            re.IGNORECASE)


_FRAMEWORK = re.compile(r"\b(strategy|approach|framework|plan|programme|principles)\b", re.IGNORECASE)


def enumerate_items(text: str, last: int = 0) -> list[tuple[int, str]]:
    """'1. First. 2. Second' -> [(1, 'First.'), (2, 'Second')], numbers rising after `last`."""
    marks = list(_ENUM.finditer(text))
    out: list[tuple[int, str]] = []
    for k, m in enumerate(marks):
        num = int(m.group(1))
        if num <= last or num > last + 3:
            continue
        end = marks[k + 1].start() if k + 1 < len(marks) else len(text)
        # a later mark that is not a rising number belongs to this item
        j = k + 1
        while j < len(marks) and not (last < int(marks[j].group(1)) and int(marks[j].group(1)) > num
                                      and int(marks[j].group(1)) <= num + 3):
            j += 1
        end = marks[j].start() if j < len(marks) else len(text)
        body = " ".join(text[m.end():end].split()).strip()
        if len(body) >= 10:
            out.append((num, body))
            last = num
    return out


_KIND_ONLY = re.compile(r"^(?:our|the|strategic|enabling|guiding|core|key|delivery|operating|and|&|\s)*$", re.IGNORECASE)


def _framework(doc: Document, line: int, plans=None) -> str | None:
    for b in reversed([b for b in doc.blocks if line - 100 <= b.line <= line]):
        text = clean(b.text).strip(" #*")
        if b.kind in ("heading", "list_item") and _ANY_HEAD.search(text) and len(text) <= 100 \
                and not text.endswith("."):
            name = re.sub(r"^\d+(\.\d+)*\.?\s+", "", text)
            name = re.sub(r"\bprinciples\b", "", name, flags=re.IGNORECASE).strip(" :-")
            if _KIND_ONLY.match(name):
                break  # "3. STRATEGIC PRINCIPLES" names no framework
            return title_case(name) or None
    for b in reversed([b for b in doc.blocks if line - 100 <= b.line < line]):
        text = clean(b.text).strip(" #*")
        if b.kind == "heading" and _FRAMEWORK.search(text) and 3 <= len(text) <= 100 \
                and not _ANY_HEAD.search(text):
            return title_case(re.sub(r"^\d+(\.\d+)*\.?\s+", "", text))
    if plans is not None:  # the plan the paper's title names, else its strategy or framework
        first = [ln for ln in range(1, len(doc.lines) + 1) if doc.line(ln).strip()][:2]
        main = [p for p in plans.plans if p["line"] in first and p["kind"] != "report"]
        main = main or [p for p in plans.plans if p["kind"] in ("strategy", "framework") and p["line"] <= line]
        if main:
            p = min(main, key=lambda p: p["line"])
            return f"{p['name']} {p['period']}" if p.get("period") and p["period"] not in p["name"] else p["name"]
    return clean(doc.title) or None


#: the noun that names a list of principles in a lead-in ("our shared values:", "the national
#: well-being goals, which are", "a public health approach ... which is:")
_LIST_HEAD = re.compile(r"(?P<head>values|principles?|goals|behaviours|commitments|approach|ways\s+of\s+working)\b",
                        re.IGNORECASE)
#: words that end the modifiers of a list's noun, walking back from it
_MOD_STOP = {"a", "an", "the", "our", "their", "its", "his", "her", "this", "these", "those", "of", "to", "in", "on",
             "with", "by", "for", "and", "or", "as", "at", "from", "into", "is", "are", "be", "will", "shall", "would",
             "which", "that", "treat", "treats", "follow", "follows", "adopt", "adopts", "apply", "uphold", "share",
             "hold", "use", "embed", "reflect", "promote", "meet", "support", "back", "contribute", "following",
             "under", "within", "through", "all", "five", "four", "three", "six", "seven", "two"}
#: scope words that say whose the list is, not what it is ("the national well-being goals")
_ADVERB = re.compile(r"(?:al|ed|iv|nt|ct)ly$", re.IGNORECASE)  #: "nationally", "jointly" (not "family")
_SCOPE = {"national", "local", "regional", "key", "main", "new", "agreed", "statutory", "overall"}
_LEAD_END = re.compile(r"(?::|\bwhich\s+(?:are|is)|\bas\s+follows|\bthe\s+following)\s*[:.]?\s*$", re.IGNORECASE)
_ITEM_MARK = re.compile(r"^\s*(?P<mark>[-*\u2022\u00b7\u25aa\u25cf\u25e6]|\(?(?:[ivx]{1,5}|[a-z]|\d{1,2})[.)])\s+(?P<text>\S.*)$")


#: "**Candour** – we say what we know": a paragraph led by a bold phrase, an item of a list with no bullets
_BOLD_LEAD = re.compile(r"^\s*(\*\*|__)(?P<lead>[^*_]{2,60}?)\1\s*(?P<rest>.*)$")


def _list_item(block) -> tuple[str, str] | None:
    """(style, text) of a list item: a bullet, number or letter, or a bold lead phrase."""
    m = _ITEM_MARK.match(clean(block.text))
    if m:
        return _mark_style(m.group("mark")), m.group("text").strip()
    b = _BOLD_LEAD.match(block.text)
    if b:
        rest = clean(b.group("rest")).lstrip(" :")
        return "bold", f"{b.group('lead').strip()} {rest}".strip() if rest.startswith(("–", "-", "—")) else \
            f"{b.group('lead').strip()}: {rest}".strip(" :")
    return None


def _mark_style(mark: str) -> str:
    bare = mark.strip("().")
    if re.fullmatch(r"[ivx]+", bare) and bare != "v" or bare in ("i", "v"):
        return "roman"
    if bare.isdigit():
        return "number"
    if re.fullmatch(r"[a-z]", bare):
        return "letter"
    return "bullet"


def list_prefix(phrase_words: list[str], head: str) -> str:
    """Two letters for a named list: the initials of its modifier and noun ("shared values" -> SV,
    "operating principles" -> OP), or of its two modifiers closest to the noun when it has more
    ("public health approach" -> PH, "sustainable development principle" -> SD); scope words
    ("national", "key", "agreed") and adverbs say whose the list is and are left out."""
    words = [w for w in phrase_words if w.lower() not in _SCOPE and not _ADVERB.search(w)]
    if len(words) >= 2:
        words = [w for w in words if not w.lower().endswith("ed")] or words
    if not words:
        return ""
    if len(words) == 1:
        return (words[0][0] + head[0]).upper()
    return (words[-2][0] + words[-1][0]).upper()


def _list_name(lead: str) -> tuple[str, str, str] | None:
    """(prefix, kind, framework) of the list a lead-in names, from the last list noun it uses."""
    lead = re.sub(r"[\u2018\u2019\u201c\u201d\"']", "", lead)
    last = re.split(r"(?<=[.!?])\s+(?=[A-Z])", lead)[-1]
    if not _LIST_HEAD.search(last) and not re.search(r"\b(?:the\s+following|as\s+follows|these|them)\b", last,
                                                   re.IGNORECASE):
        return None  # "... principles ... . Comments made included:": the list is of something else
    found = None
    for m in _LIST_HEAD.finditer(lead):
        words = []
        for w in reversed(lead[:m.start()].split()[-4:]):
            if w.lower() in _MOD_STOP or re.search(r"[,;:.()]$", w) or not re.fullmatch(r"[\w-]+", w):
                break
            words.insert(0, w)
        tail = lead[m.end():]
        if m.group("head").lower() == "approach" and not re.search(r"\b(?:in\s+a\s+way|ways?\s+(?:of|which|that))\b",
                                                                   tail, re.IGNORECASE):
            continue  # "our approach into three key areas:": the items are the areas, not ways of working
        if words:
            found = (words, m.group("head"))
    if not found:
        return None
    words, head = found
    prefix = list_prefix(words, head.split()[0])
    if len(prefix) != 2 or _KIND_HEAD.search(" ".join(words + [head])):
        return None  # "strategic principles": read by the kind-labelled lists above
    kind = "strategic" if head.lower() == "goals" else "enabling"
    return prefix, kind, " ".join(words + [head])


def _named_lists(blocks, add, plans_framework) -> None:
    """A lead-in naming a list ("... treat shared values as the basis ...:") and the bullet, numbered
    or lettered items right after it: ids from the list's name (SV1, SV2, ...)."""
    for k, b in enumerate(blocks):
        if b.kind not in ("paragraph", "list_item"):
            continue
        lead = clean(b.text)
        named = _list_name(lead)
        if not named:
            continue
        items = []
        style = None
        lead_mark = _ITEM_MARK.match(lead)
        for nb in blocks[k + 1:k + 20]:
            item = _list_item(nb)
            if nb.kind not in ("list_item", "paragraph") or not item:
                break
            st, text = item
            if lead_mark and _mark_style(lead_mark.group("mark")) == st or style not in (None, st):
                break
            style = st
            items.append((nb.line, text))
        if len(items) < 3:
            continue
        if not _LEAD_END.search(lead) and not (lead.rstrip().endswith(".") and all(t[:1].isupper() for _, t in items)):
            continue  # a sentence that only mentions principles, then notes of a discussion
        prefix, kind, framework = named
        for n, (line, text) in enumerate(items, 1):
            add(f"{prefix}{n}", text, line, framework, 0.6, kind)


@register("govgraph.principles.v1", order=55,
          reads=("lines", "blocks", "plans"),
          writes=("principle",))
def extract_principles(doc: Document, context: Context):
    found: dict[str, Fact] = {}

    def add(pid: str, text: str, line: int, framework: str | None, conf: float, kind: str | None = None) -> None:
        if pid in found:
            return
        text = text.strip()
        found[pid] = Fact("principle", {"id": pid, "kind": kind or kind_name(re.match(r"[A-Z]+", pid).group(0)),
                                        "framework": framework, "text": text},
                          line, quote_of(doc.line(line), text[:90]), confidence=conf)

    blocks = doc.blocks
    plans = context.shared.plans
    # 1. side-by-side columns: a row of "Strategic Principles" / "Enabling Principles" headers
    for k, b in enumerate(blocks):
        if b.kind != "table_row":
            continue
        kinds = {}
        for ci, cell in enumerate(b.cells):
            m = _KIND_HEAD.search(clean(cell)[:60])
            if m:
                kinds[ci] = m.group(1).lower()
        if len(kinds) < 1:
            continue
        framework = _framework(doc, b.line, plans)
        last_num: dict[str, int] = {}
        # items may sit in the header row itself or in the rows that follow
        for row in blocks[k:k + 12]:
            if row is not b and row.kind != "table_row":
                if row.kind == "heading":
                    break
                continue
            hit = False
            for ci, cell in enumerate(row.cells):
                kind = kinds.get(ci)
                if not kind:
                    continue
                for num, text in enumerate_items(clean(cell), last_num.get(kind, 0)):
                    add(kind_prefix(kind) + str(num), text, row.line, framework, 0.9)
                    last_num[kind] = num
                    hit = True
            if row is not b and not hit and found:
                break
    # 2. numbered lists under a "<kind> principles" heading or lead-in
    current = None
    framework = None
    printed_ids = False
    for b in blocks:
        text = clean(b.text)
        m = _KIND_HEAD.search(text)
        numbered_head = b.kind == "list_item" and bool(_NUMBERED_HEAD.match(text))  # "2. Guiding principles"
        if b.kind in ("heading", "paragraph", "list_item") and m and len(text) < 300 and \
                (b.kind != "list_item" or _is_heading_like(text) or numbered_head):
            items = enumerate_items(text[m.end():])  # "Strategic principles: 1. ... 2. ..."; not "3. STRATEGIC PRINCIPLES"
            current = m.group(1).lower()
            printed_ids = False
            framework = _framework(doc, b.line, plans)
            for num, body in items:
                add(kind_prefix(current) + str(num), body, b.line, framework, 0.8)
            continue
        if (b.kind in ("heading", "paragraph") or numbered_head) and _GENERIC_HEAD.match(text):
            current = ""  # "Our Principles": ids P1, P2, ...
            printed_ids = False
            framework = _framework(doc, b.line, plans)
            continue
        if (b.kind in ("heading", "paragraph") or numbered_head) and _VALUES_HEAD.match(text):
            current = "value"  # "Our values": ids V1, V2, ...
            framework = _framework(doc, b.line, plans)
            continue
        if current == "value" and b.kind in ("list_item", "paragraph"):
            vm = _VALUE_ITEM.match(text)
            gm = None if vm else _GENERIC_ITEM.match(text)
            if vm:
                add(vm.group(1) + str(int(vm.group(2))), vm.group("text"), b.line, framework, 0.7, "value")
                continue
            if gm and not _is_heading_like(gm.group("text")):
                add("V" + str(int(gm.group(1) or gm.group(2))), gm.group("text"), b.line, framework, 0.7, "value")
                continue
        if current is not None and b.kind in ("list_item", "paragraph"):
            im = _ID_ITEM.match(text)
            if im:  # "- EP1 We will ...", "SP2: We will ..."
                add(im.group(1) + str(int(im.group(2))), im.group("text"), b.line, framework, 0.8)
                printed_ids = True
                continue
            gm = _GENERIC_ITEM.match(text)
            if gm and printed_ids and b.kind == "list_item":
                current = None  # "3. Delivery plan" after "GP1 ...", "GP2 ...": the next section
                continue
            if gm and not _is_heading_like(gm.group("text")):  # "Principle 1 – We will ...", "1. We will ..."
                add(kind_prefix(current) + str(int(gm.group(1) or gm.group(2))), gm.group("text"), b.line, framework, 0.8)
                continue
        if current is not None and (b.kind == "heading" or (b.kind == "list_item" and _is_heading_like(text))
                                    or (b.kind == "paragraph" and len(text.split()) <= 6 and not text.endswith("."))):
            current = None
    # 3. labelled lines: "Strategic Principle 2: We will ..."
    for b in blocks:
        if b.kind == "table_row":
            continue
        lm = _LABELLED.match(clean(b.text))
        if lm:
            pid = kind_prefix(lm.group(1)) + str(int(lm.group(2)))
            body = re.sub(rf"^{pid}\b\s*[:.\-–—]?\s*", "", lm.group("text"))  # "[Strategic Principle 1] SP1 We ..."
            add(pid, body, b.line, _framework(doc, b.line, plans), 0.8)
    # 3b. "Strategic Aim 1: ...", "Enabler 1: ...": strategic and enabling principles by other names
    for b in blocks:
        if b.kind == "table_row":
            continue
        am = _AIM_LABELLED.match(clean(b.text))
        if am:
            kind = "enabling" if am.group("kind").lower().startswith("enabl") else "strategic"
            add(kind_prefix(kind) + str(int(am.group("n"))), am.group("text"), b.line,
                _framework(doc, b.line, plans), 0.7)
    # 3c. lists named by their lead-in: "our shared values:", "the national well-being goals, which are"
    listed = {f.line for f in found.values()}
    _named_lists([b for b in blocks if b.line not in listed], add, plans)
    # 4. labels quoted with their text in action tables
    for b in blocks:
        if b.kind != "table_row" or "rinciple" not in b.text:
            continue
        for cell in b.cells[3:]:
            text = clean(cell)
            marks = list(PRINCIPLE_LABEL.finditer(text))
            for j, m in enumerate(marks):
                if not m.group(1) or "[" not in m.group(0):
                    continue
                end = marks[j + 1].start() if j + 1 < len(marks) else len(text)
                body = text[m.end():end].strip()
                if len(body) > 20:
                    add(kind_prefix(m.group(1)) + str(int(m.group(2))), body, b.line, _framework(doc, b.line, plans), 0.5)
    return list(found.values())
