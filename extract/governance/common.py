"""Shared helpers for the governance extractors: cells, ids, principle labels, leads."""
from __future__ import annotations

import re

from extract.blocks import has_html, html_to_text

#: "Page 54" markers glued into cells by PDF conversion
PAGE_MARK = re.compile(r"\bPage\s+\d{1,4}\b", re.IGNORECASE)
PAGE_ONLY = re.compile(r"^\s*(?:Page\s+\d{1,4}|\d{1,4})\s*$", re.IGNORECASE)
#: an action / section number at the start of a text: 5.1.1, 5.1.1., 5.10, 5.97
ID_AT_START = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,3}){1,3})\.?(?=\s|$)")
#: "[Strategic Principle 4]", "Enabling principle 1", "[Guiding Principle 2]"
PRINCIPLE_LABEL = re.compile(
    r"\[?\s*\b(strategic|enabling|guiding|core|key|delivery|operating)?\s*principles?\s*(\d{1,2})\b\s*\]?",
    re.IGNORECASE)
MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
#: <h1>..</h6>, <th>, <caption>: tags the block reader keeps as text
_HTML_HEADING = re.compile(r"</?(?:h[1-6]|th|caption|thead|tbody|tfoot)\b[^>]*>", re.IGNORECASE)
_CELL_TAG = re.compile(r"<t[dh]\b[^>]*>(.*?)(?=</t[dh]>|<t[dh]\b|</tr>|$)", re.IGNORECASE | re.DOTALL)


def html_cells(raw: str) -> list[str] | None:
    """The cells of an HTML table row written on one line ('<tr><td>4.1</td><td>...</td></tr>'), or None."""
    if len(re.findall(r"<t[dh]\b", raw, re.IGNORECASE)) < 2:
        return None
    return [clean(c) for c in _CELL_TAG.findall(raw)]


def clean(text: str | None) -> str:
    """Plain text of a cell or line: HTML and markdown links removed, spaces collapsed."""
    if not text:
        return ""
    text = _HTML_HEADING.sub(" ", text)
    if has_html(text):
        text = html_to_text(text, " ")
    text = MD_LINK.sub(r"\1", text)
    text = text.replace("**", "").replace("__", "")
    return " ".join(text.split()).strip()


def kind_prefix(word: str | None) -> str:
    """'strategic' -> 'SP', 'enabling' -> 'EP', None -> 'P'."""
    if not word:
        return "P"
    return word[0].upper() + "P"


def kind_name(prefix: str) -> str:
    return {"SP": "strategic", "EP": "enabling", "GP": "guiding", "CP": "core", "KP": "key",
            "DP": "delivery", "OP": "operating"}.get(prefix, "principle")


#: principle ids printed bare: "SP3, EP2", "EP 1"
PRINCIPLE_ID = re.compile(r"(?<![\w.])([SEGCKDO]P)\s?(\d{1,2})(?![\w.])")


def principle_labels(text: str) -> list[str]:
    """Principle ids named in a cell: '[Strategic Principle 4] ...' -> ['SP4']; 'SP3, EP2' -> ['SP3', 'EP2']."""
    found = []
    for m in PRINCIPLE_LABEL.finditer(text or ""):
        found.append((m.start(), kind_prefix(m.group(1)) + str(int(m.group(2)))))
    for m in PRINCIPLE_ID.finditer(text or ""):
        found.append((m.start(), m.group(1) + str(int(m.group(2)))))
    out = []
    for _, pid in sorted(found):
        if pid not in out:
            out.append(pid)
    return out


def title_case(text: str) -> str:
    """Title case for ALL CAPS headings, keeping short acronyms and small words."""
    letters = [c for c in text if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) / len(letters) < 0.8:
        return text
    small = {"and", "of", "the", "for", "to", "in", "on", "a", "an", "with", "by", "at", "or"}
    words = []
    for i, w in enumerate(text.split()):
        bare = re.sub(r"[^A-Za-z]", "", w)
        if i and bare.lower() in small:
            words.append(w.lower())
        elif bare.isupper() and len(bare) >= 2 and not re.search(r"[AEIOU]", bare):
            words.append(w)  # "CRP", "WVCS": no vowels, an acronym
        else:
            words.append(w[:1].upper() + w[1:].lower() if w[:1].isalpha() else
                         w[:1] + w[1:2].upper() + w[2:].lower())
    return " ".join(words)


def quote_of(line: str, want: str, limit: int = 160) -> str:
    """A short exact excerpt of a source line, preferring the wanted text."""
    raw = line.strip()
    want = (want or "").strip()
    if want:
        piece = want[:limit]
        if piece in raw:
            return piece
        words = want.split()
        for n in (8, 5, 3):
            if len(words) >= n:
                head = " ".join(words[:n])
                if head in raw:
                    i = raw.index(head)
                    return raw[i:i + limit]
    text = re.sub(r"\s+", " ", raw)
    return raw[:limit] if raw else text


# ---------------------------------------------------------------------------- leads

#: words that make a fragment a person's post, not a body
_ROLE_TAIL = re.compile(
    r"\s*\b(?:(?:board|senior|team|programme|project|operations?|area|borough|strategic|policy|"
    r"community|intel(?:ligence)?|link|deputy|assistant|interim|acting)\s+)*"
    r"(?:manager|manger|managers|analyst|lead|leads|officer|officers|co-?ordinator|coordinator|worker|"
    r"director|tea|team leader|head of service|commissioner|administrator|adviser|advisor|practitioner|"
    r"chair|clerk|secretary)s?\b\s*(?:\([^)]*\))?\s*$", re.IGNORECASE)
_ROLE_HEAD = re.compile(
    r"^\s*(?:(?:service\s+)?managers?\s+for|head\s+of\s+(?:\w+\s+)?services?(?:\s*[-–:]\s*)?|director(?:\s+of)?|"
    r"manager\s+of|lead\s+for)\s+", re.IGNORECASE)
#: fragments that are only a post or rank: dropped
_ROLE_ONLY = re.compile(
    r"^(?:.*\b(?:inspector|sergeant|superintendent|constable)|dci|di|ds|pc|sgt|head of .*|.*\blead|"
    r"(?:community\s+)?co-?ordinator|policy lead.*|chair|vice[- ]chair|tbc|tbd|n/?a|all|"
    r"all partners|partners|various)$", re.IGNORECASE)
_ACRONYM = re.compile(r"^[A-Z][A-Za-z&]*[A-Z]$")
_PAREN_ORG = re.compile(r"^(?P<who>[A-Z][a-z]+(?:\s+[A-Z][a-z'’-]+){1,2})\s*\((?P<org>[^)]+)\)$")
_ORG_HEAD = re.compile(r"\b(?:services?|team|unit|board|partnership|council|group|trust|alliance|commission|"
                       r"committee|forum|network|hub|agency|authority|police|hospital|college|school|schools|"
                       r"directorate|department)$", re.IGNORECASE)
_SMALL = {"and", "of", "the", "for", "&", "-"}
#: "Lead: ...", "Lead partner - ...": a label printed inside the cell
_LEAD_LABEL = re.compile(r"^\s*(?:lead(?:\s+(?:partner|agency|organisation|officer))?|owner|responsible)\s*[:\-–]\s+",
                         re.IGNORECASE)
_POST_PAREN = re.compile(r"^(?P<post>[A-Z][\w'’ ]{2,60}?)\s*\((?P<org>[A-Z][^)]{1,60})\)$")


def _is_acronym(word: str) -> bool:
    return bool(_ACRONYM.match(word)) and sum(c.isupper() for c in word) >= 2


def _split_conj(fragment: str) -> list[str]:
    """Split 'X CCG and Y Alliance' / 'VAWG Lead & WVCS' where a side is an acronym or a post."""
    parts = re.split(r"\s+(and|&)\s+", fragment)
    if len(parts) == 1:
        return [fragment]
    out = [parts[0]]
    for i in range(1, len(parts), 2):
        right = parts[i + 1]
        left = out[-1]
        left_last = left.split()[-1] if left.split() else ""
        split = (_is_acronym(left_last) and len(left.split()) >= 1 and not left_last.endswith("&")) \
            or bool(_ROLE_TAIL.search(left)) or bool(_ROLE_ONLY.match(right.strip())) \
            or bool(_ROLE_TAIL.search(right)) and not _ROLE_ONLY.match(left.strip()) and len(left.split()) > 1
        if split:
            out.append(right)
        else:
            out[-1] = f"{left} {parts[i]} {right}"
    return out


def split_leads(cell: str, people: set[str] | None = None) -> list[str]:
    """Organisation names in a 'Lead partner(s)' cell, posts and people dropped.

    'IGU Manager/ YOS Manager/ C&F service manager' -> ['IGU', 'YOS', 'C&F service'].
    """
    text = clean(cell)
    text = PAGE_MARK.sub(" ", text)
    text = " ".join(text.split())
    if not text:
        return []
    people = people or set()
    out: list[str] = []
    for chunk in re.split(r"\s*[/;,]\s*|\s+\+\s+|\n", text):
        for frag in _split_conj(chunk.strip()):
            frag = _LEAD_LABEL.sub("", frag).strip(" .-–:")
            if not frag:
                continue
            pm = _POST_PAREN.match(frag)
            if pm and (_ROLE_ONLY.match(pm.group("post")) or _ROLE_TAIL.search(pm.group("post"))
                       or _ROLE_HEAD.match(pm.group("post") + " ")) and \
                    (_is_acronym(pm.group("org").strip()) or _ORG_HEAD.search(pm.group("org").strip())):
                frag = pm.group("org").strip()  # "Head of Housing (Council)": the post's organisation
            m = _PAREN_ORG.match(frag)
            if m:  # "Jane Doe (WVCS)" -> WVCS; "Policy Lead (Strategy)" is a post
                if _ROLE_ONLY.match(m.group("who")) or _ROLE_TAIL.search(m.group("who")):
                    continue
                frag = m.group("org").strip()
            if frag.lower() in people:
                continue
            stripped = _ROLE_HEAD.sub("", frag).strip()
            if stripped != frag and not (_is_acronym(stripped.split()[0] if stripped else "")
                                         or _ORG_HEAD.search(stripped)):
                continue  # "Head of Service - Early Help" names a post
            frag = stripped
            if not frag or _ROLE_ONLY.match(frag):
                continue
            before = frag
            frag = _ROLE_TAIL.sub("", frag).strip(" -–")
            if not frag:
                continue
            if frag != before and _ROLE_ONLY.match(frag):
                continue
            if re.fullmatch(r"[a-z].*", frag) and not _is_acronym(frag.split()[0]):
                continue  # lower-case leftovers are not names
            if frag not in out:
                out.append(frag)
    return out


# ---------------------------------------------------------------------------- acronyms

_SMALL_WORDS = {"and", "of", "the", "for", "&", "on", "in", "to", "with"}
_NAME_WORDS = r"[A-Z][\w’'&\-]*(?:\s+(?:(?:and|of|for|the|&|on|in)\s+)*[A-Z][\w’'&\-]*){0,8}"
#: "MPS - Metropolitan Police Service", "WCS = ...", "LFB: London Fire Brigade"
_DEF_DASH = re.compile(rf"(?<![\w/])(?P<acr>[A-Z](?=[a-z&]*[A-Z])[A-Za-z&]{{1,7}})\s*(?:[-–—=:]|\bmeans\b|\bstands for\b)\s*"
                       rf"(?:the\s+)?(?P<full>{_NAME_WORDS})")
#: "Metropolitan Police Service (MPS)"
_DEF_PAREN = re.compile(rf"(?P<full>{_NAME_WORDS})\s*\(\s*(?P<acr>[A-Z][A-Za-z&]{{1,7}})\s*\)")
#: "MPS (Metropolitan Police Service)"
_DEF_PAREN_FULL = re.compile(rf"(?<![\w/])(?P<acr>[A-Z][A-Z&]{{1,7}})\s*\(\s*(?:the\s+)?(?P<full>{_NAME_WORDS})\s*\)")


def _initials(words: list[str]) -> str:
    return "".join(w[0].upper() for w in words if w.lower() not in _SMALL_WORDS and w[:1].isalpha())


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(c in it for c in short)


def _fit(acr: str, full: str, trim_left: bool) -> str | None:
    """The part of `full` that the acronym abbreviates, or None when its letters do not fit."""
    letters = "".join(c for c in acr if c.isupper())
    if len(letters) < 2:
        return None
    words = full.split()
    fits = []
    for s in (range(len(words)) if trim_left else range(1)):
        part = words[s:]
        while part and part[0].lower() in _SMALL_WORDS:
            part = part[1:]
        while part and part[-1].lower() in _SMALL_WORDS:
            part = part[:-1]
        ini = _initials(part)
        if len(part) < 2 or not ini or ini[0] != letters[0] or not _subsequence(letters, ini):
            continue
        if len(ini) > len(letters) + 2:
            continue
        fits.append((ini == letters, len(part), " ".join(part)))
    if not fits:
        return None
    exact = [f for f in fits if f[0]]
    return (exact or fits)[0][2]


def acronym_definitions(doc) -> dict[str, str]:
    """Acronyms the paper defines, with the names they stand for: {'MPS': 'Metropolitan Police Service'}.

    Read from glossary-style lists ("MPS - Metropolitan Police Service; LFB - London Fire
    Brigade", lines wrapped or not) and bracketed definitions ("London Fire Brigade (LFB)",
    "LFB (London Fire Brigade)"). A definition counts only when the acronym's letters are
    the initials of the name, in order.
    """
    text = " ".join(clean(line) for line in doc.lines)
    text = PAGE_MARK.sub(" ", text)
    text = " ".join(text.split())
    found: dict[str, str] = {}
    for pat, trim in ((_DEF_PAREN, True), (_DEF_PAREN_FULL, False), (_DEF_DASH, False)):
        for m in pat.finditer(text):
            acr = m.group("acr")
            if acr in found:
                continue
            full = _fit(acr, m.group("full"), trim)
            if full and full.upper() != full:
                found[acr] = full
    return found


def expand_acronym(name: str, defs: dict[str, str]) -> str:
    """'MPS' -> 'Metropolitan Police Service' when the paper defines it; else the name."""
    return defs.get(name.strip(), name)


def org_kind(name: str) -> str:
    low = name.lower()
    for pat, kind in ((r"board$", "board"), (r"council$", "council"), (r"partnership$", "partnership"),
                      (r"committee$", "committee"), (r"commission$", "commission"),
                      (r"(group|panel|forum)$", "panel_or_group"), (r"(ccg|trust|nhs)", "nhs_body"),
                      (r"police", "police"), (r"(unit|hub)$", "unit"), (r"fire", "fire_service"),
                      (r"(team|service|services)$", "council_service")):
        if re.search(pat, low):
            return kind
    return "other"


# ---------------------------------------------------------------------------- paragraphs

_ITEM_START = re.compile(r"^\s*(?:[-*•·▪●◦]\s|\(?[a-zA-Z0-9]{1,3}[.)]\s|\d+(?:\.\d+)+\.?\s)")
_FIELD_START = re.compile(r"^\s*[A-Z][\w ()/]{0,30}:\s")


def paragraphs(doc) -> list[tuple[str, int, str, list[tuple[int, int]]]]:
    """Blocks with lines wrapped by PDF conversion joined back: (kind, line, text, offsets).

    A paragraph or list item continues on the next line when it does not end a sentence
    and the next line does not start an item, a heading or a 'Label:' field. `offsets`
    maps character offsets of the joined text to source lines.
    """
    out: list[list] = []
    blocks = doc.blocks
    per_line: dict[int, int] = {}
    for b in blocks:
        per_line[b.line] = per_line.get(b.line, 0) + 1
    for b in blocks:
        text = clean(b.text)
        if out:
            kind, line, prev, offsets, last_line = out[-1]
            if (b.kind == "paragraph" and kind in ("paragraph", "list_item") and b.line == last_line + 1
                    and per_line.get(b.line) == 1 and per_line.get(last_line) == 1
                    and prev and not prev.rstrip().endswith((".", "!", "?", ":", ";"))
                    and (len(prev) >= 60 or text[:1].islower())  # a short line is a title, not a wrapped one
                    and not _ITEM_START.match(text) and not _FIELD_START.match(text)
                    and not _FIELD_START.match(prev)):
                offsets.append((len(prev) + 1, b.line))
                out[-1][2] = f"{prev} {text}"
                out[-1][4] = b.line
                continue
        out.append([b.kind, b.line, text, [(0, b.line)], b.line])
    return [(k, l, t, o) for k, l, t, o, _ in out]


def line_at(offsets: list[tuple[int, int]], pos: int) -> int:
    line = offsets[0][1]
    for start, ln in offsets:
        if start <= pos:
            line = ln
    return line
