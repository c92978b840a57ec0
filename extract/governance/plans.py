"""Named strategies, plans, programmes, frameworks, initiatives, reports and policies.

A plan is a name ending in a plan word ("Knife Crime Action Plan", "Safer Routes scheme",
"'Coping Power' programme"), a plan-word heading ("5.4 YOUTH JUSTICE PLAN"), or a
descriptive name with a lower-case plan word when its modifiers say what it is
("poverty reduction strategy"). Acronyms given in brackets become variants, and
variants of one plan in a document ("Youth Justice Plan 2019 - 2022", "the VRS") are
merged into one plan with the longest clean name as its name.
"""
from __future__ import annotations

import re
from collections import OrderedDict

from extract.governance.common import clean, quote_of, title_case
from extract.pipeline import Context, register
from extract.records import Document, Fact

HEADS = OrderedDict([
    ("action plan", "action_plan"), ("action plans", "action_plan"), ("delivery plan", "plan"),
    ("work plan", "plan"), ("workplan", "plan"), ("transformation plan", "plan"),
    ("strategy", "strategy"), ("strategies", "strategy"), ("plan", "plan"), ("plans", "plan"),
    ("programme", "programme"), ("program", "programme"), ("programmes", "programme"),
    ("framework", "framework"), ("model", "framework"),
    ("initiative", "initiative"), ("scheme", "initiative"), ("project", "initiative"), ("pilot", "programme"),
    ("campaign", "initiative"),
    ("annual report", "report"), ("report", "report"),
    ("policy", "policy"), ("charter", "policy"), ("pledge", "policy"), ("approach", "initiative"),
    ("outcome agreement", "plan"), ("needs assessment", "report"),
])
_HEAD_RE = "|".join(re.escape(h) for h in sorted(HEADS, key=len, reverse=True))
_CONNECT = r"(?:and|of|for|the|to|in|on|&|a|with|against)"
_CAP = r"(?:[A-Z0-9][\w’'\-/]*|[A-Z]{2,}|COVID-19|Covid-19)"
#: "Knife Crime Action Plan", "Improving Outcomes for Young Black Men Programme"
_TITLED = re.compile(
    rf"(?<![\w’'\-‘])(?P<name>{_CAP}(?:\s+(?:{_CONNECT}\s+)*{_CAP})*\s+(?P<head>(?i:{_HEAD_RE}))"
    rf"(?:\s+(?:to|for)\s+[A-Z][\w’'\-]*(?:\s+(?:and\s+)?[A-Z][\w’'\-]*){{0,4}})?)\b"
    rf"(?P<tail>\s*(?:\((?P<acr>[A-Z][A-Za-z&]{{1,9}})\))?)")
#: "'Coping Power' programme"
_QUOTED = re.compile(rf"(?P<name>['‘\"“](?P<inner>[A-Z][^'’\"”]{{2,60}})['’\"”]\s+(?P<head>(?i:{_HEAD_RE})))\b")
#: "Covid-19 vaccine programme", "Youth Justice mentoring pilot"
_MIXED = re.compile(
    rf"(?<![\w’'\-‘])(?P<name>(?:{_CAP}\s+(?:(?:and|of|&)\s+)?){{1,4}}(?P<low>(?:[a-z][a-z\-]+\s+){{1,2}})"
    rf"(?P<head>programme|project|pilot|scheme|strategy|framework|initiative|action plan|plans?))\b")
#: "Statutory Guidance on co-operation arrangements (2010)", "Government Guidance on Local Partnerships (DETR,
#: March 2001)": guidance that sets policy, a plan of kind policy
_GUIDANCE = re.compile(r"(?<![\w’'\-])(?P<name>(?:[A-Z][\w’'\-]*\s+){1,3}Guidance\s+(?:on|for)\s+(?:the\s+)?"
                       r"[A-Za-z][\w’'\-]*(?:\s+(?:and\s+|of\s+)?[A-Za-z][\w’'\-]*){0,5}?)"
                       r"(?=\s*(?:\((?P<year>(?:19|20)\d\d)\)|\(|[,.;:]|\s+(?:says|and|by|to|including|the|which|is|are|was)\b|$))")
#: "Name – Other Name": a plan known by two names
_DASH_NAME = re.compile(r"^\s*[–—-]\s*(?P<n>[A-Z][\w’'&]*(?:\s+(?:(?:to|of|and|for|the|by)\s+)?[A-Z][\w’'&]*){0,4})")
#: "poverty reduction strategy", "resident engagement framework"
_LOWER_HEADS = r"action plan|delivery plan|work plan|strategy|plan|framework|programme|scheme|initiative"
_LOWER = re.compile(rf"\b(?:a|an|the|our|its|their|new|draft|local)\s+"
                    rf"(?P<name>(?:[a-z][a-z\-]+\s+){{2,3}}(?P<head>(?:{_LOWER_HEADS})))\b")
_QUOTED_TITLE = re.compile(r"['‘\"“](?P<inner>[A-Z][^'’\"”]{3,70}?)['’\"”](?!\w)")
_PLANISH = re.compile(r"\b(programmes?|projects?|initiatives?|interventions?|campaigns?|operations?|called|"
                      r"schemes?|frameworks?|strateg(?:y|ies)|pilots?|workshops?|guidance|recommendations)\b", re.IGNORECASE)
_OPERATION = re.compile(r"\b(?:Op|Operation)\.?\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\b")
#: "MECC (Making Every Contact Count) training": an acronym spelt out, then what it is
_ACR_FULL = re.compile(r"\b(?P<acr>[A-Z]{3,6})\s*\((?P<full>[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*){2,6})\)\s+"
                       r"(?P<head>training|programme|initiative|scheme|campaign|approach|pilot|project)\b")
_FULL_ACR = re.compile(r"(?P<full>[A-Z][\w’'\-]*(?:\s+(?:(?:to|of|and|for|the|&)\s+)*[A-Z][\w’'\-]*){2,6})\s*"
                       r"\((?P<acr>[A-Z]{3,6})\)\s+"
                       r"(?P<head>training|programme|initiative|scheme|campaign|approach|pilot|project)\b")
#: "Mental Health First Aid training": a named course (three capitalised words or more)
_NAMED_TRAINING = re.compile(r"(?<![\w’'\-])(?P<name>[A-Z][a-z][\w\-]*(?:\s+(?:and\s+)?[A-Z][\w\-]*){2,5})\s+training\b")
_ORG_WORDS = (r"Council|Board|Partnership|Trust|Authority|Group|Service|Services|Team|Unit|Commission|Committee|"
              r"Forum|Network|Agency|Police|Brigade")
#: a document status printed as part of its title
_STATUS = re.compile(r"\s+((?:(?:Working|Consultation|Final|Interim)\s+)?Draft)\b(?!\s+[a-z])")
_PERIOD = re.compile(r"\b((?:19|20)\d\d)\s*(?:[-–/]|to)\s*((?:19|20)?\d\d)\b")
_SECTION_HEAD = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?(?P<title>[A-Z][A-Z0-9 ,'’&/\-:()]{4,100})$")
_ORG_AFTER = re.compile(r"^\s*(?:(?:and|&)\s+[A-Z]\w*\s+)?(?:[A-Z]\w*\s+)?(?:team|unit|board|group|partnership|"
                        r"service|directorate|division|committee|officer|manager|lead)\b"
                        r"|^\s*(?:,\s*[A-Z]\w*\s+)?(?:and|&)\s+(?:[A-Z]\w*\s+){0,2}"
                        r"(?-i:Partnerships|Development|Performance|Communications|Engagement)\b", re.IGNORECASE)
_BAD_FIRST = {"See", "Oversight", "Delivery", "Implementation", "Development", "Approval", "Refresh", "Developing", "Title", "The", "This", "These", "That", "Our", "Its", "Their", "A", "An", "Any", "Each", "Every", "Your",
              "New", "Draft", "Current", "Existing", "Local", "National", "Such", "Which", "Where", "When", "Why",
              "How", "What", "Further", "Its", "All", "Other", "One", "Two", "Both", "Key", "Annual", "Agenda",
              "Item", "Report", "In", "On", "As", "At", "By", "For", "To", "Of", "And", "If", "It", "We",
              "Page", "Appendix", "Section", "Title", "Subject", "Summary", "Purpose", "Background", "Update",
              "Recommendation", "Recommendations", "Strategic", "Overall", "Review", "Evaluation", "Progress",
              "Monitoring", "Newer", "Older", "Latest", "Previous", "Revised", "Updated"}
_GENERIC_LOWER = {"the", "a", "an", "this", "that", "these", "those", "our", "their", "its", "his", "her", "new",
                  "and", "or", "of", "to", "in", "on", "for", "with", "by", "at", "as", "is", "are", "be", "was",
                  "were", "has", "have", "will", "would", "should", "could", "can", "may", "each", "any", "all",
                  "such", "current", "existing", "whole", "wider", "overall", "same", "other", "which", "what",
                  "local", "own", "individual", "specific", "key", "last", "next", "first", "final", "further",
                  "clear", "broader", "joint", "long", "term", "short", "more", "most", "good", "best", "systems",
                  "system", "partnership", "multi", "agency", "based", "led", "its", "from", "into", "about",
                  "strategic", "different", "single", "shared", "coherent", "comprehensive", "holistic", "one",
                  "two", "three", "work", "working", "wide", "borough"}


#: modifiers that describe an activity rather than name a plan ("staff training programme")
_GENERIC_MOD = {"training", "events", "event", "care", "staff", "specialist", "recent", "expansive", "awareness",
                "seasonal", "ongoing", "annual", "previous", "newer", "revised", "updated", "various", "usual"}
#: a body's own unnamed document: "Elmford Council's strategy", "the Youth Justice Board's approach"
_OWNER_BARE = re.compile(r"^(?:[A-Z][\w&]*\s+){0,5}(?:Council|Board|Partnership|Trust|Authority|Group|Service|"
                         r"Commission|Committee|Government|Department)['’]s\s+(?:strategy|policy|approach|plan|"
                         r"programme|framework)$", re.IGNORECASE)

#: post-holders whose regular report is no named document
_POST_OWNERS = {"executive", "officer", "chair", "chairman", "director", "manager", "leader", "mayor", "commissioner",
                "clerk", "secretary", "treasurer", "president"}

_VERBISH = {"implement", "develop", "deliver", "support", "inform", "agree", "approve", "refresh", "review",
            "use", "run", "set", "make", "take", "provide", "ensure", "create", "build", "produce", "design",
            "publish", "launch", "adopt", "endorse", "consider", "note", "see", "believe", "uses", "takes",
            "provides", "checking", "shaping", "thinking", "then", "out", "up", "well", "kept"}


def kind_of(head: str) -> str:
    head = head.lower()
    for word, kind in HEADS.items():
        if head.endswith(word):
            return kind
    return "plan"


def _norm(name: str) -> str:
    text = name.lower().replace("&", " and ").replace("’", "'")
    text = re.sub(r"['‘\"“”]", "", text)
    text = re.sub(r"[^\w\s\-/]", " ", text)
    words = text.split()
    while words and words[0] in ("the", "our", "a", "an", "new", "draft"):
        words = words[1:]
    return " ".join(words)


def _strip_name(name: str) -> str:
    name = " ".join(name.split())
    # "Refreshing the X Strategy", "Reviewed the X action plan", "Circulate the Panel's report": a verb, not a name
    name = re.sub(r"^[A-Za-z][a-z]+\s+(?:the|a|an|our|its|their)\s+(?=[A-Z])", "", name)
    words = name.split()
    while words and (words[0].title() in _BAD_FIRST or words[0].isdigit() or not words[0][:1].isupper()) and len(words) > 2:
        words = words[1:]
    # "3.1 Under the Integration Scheme": the preposition after a section number
    return re.sub(r"^[A-Za-z][a-z]+\s+(?:the|a|an|our|its|their)\s+(?=[A-Z])", "", " ".join(words))


def _base(name: str) -> str:
    """The name without a possessive owner ("Elmford's Early Years Strategy") or a period."""
    name = _PERIOD.sub("", name)
    short = re.sub(r"^[A-Z][\w&]*(?:\s+[A-Z][\w&]*){0,3}['’]s\s+", "", name)
    if len(short.split()) >= 2 and short[:1].isupper():  # "70-point plan" alone names nothing: keep the owner
        name = short
    return " ".join(name.split()).strip(" -–:")


class PlanSet:
    """Plans of one document, merged by name, base name and acronym."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.plans: list[dict] = []
        self.index: dict[str, dict] = {}

    def find(self, name: str) -> dict | None:
        return self.index.get(_norm(name)) or self.index.get(_norm(_base(name)))

    def add(self, name: str, head: str, line: int, quote: str, confidence: float,
            acronym: str | None = None, period: str | None = None, printed: str | None = None) -> dict | None:
        """`printed` is the period as the paper prints it after the name ("2019 - 2022")."""
        name = " ".join(name.split()).strip(" ,.;:-–")
        if len(name) < 4 or len(name) > 110:
            return None
        two = re.match(r"^(?P<a>.+?\b(?:Plan|Strategy|Framework|Programme))\s+and\s+"
                       r"(?P<b>[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*){0,4}\s+(?:Plan|Strategy|Framework|Programme))$", name)
        if two and len(two.group("a").split()) >= 2:  # "Action Plan and Outcomes Framework": two documents
            self.add(two.group("b"), head, line, quote, confidence, period=period, printed=printed)
            return self.add(two.group("a"), head, line, quote, confidence, acronym)
        plan = self.find(name) or (self.index.get(acronym.lower()) if acronym else None)
        first = name.split()[0]
        if plan is None and len(name.split()) == 2 and first.isupper() and len(first) >= 2:
            plan = self.index.get(first.lower())  # "YBM Programme" after "... Programme (YBM)"
        if plan is None:
            plan = {"name": name, "kind": kind_of(name if re.search(rf"(?i:{_HEAD_RE})$", name) else head), "variants": [], "period": period,
                    "line": line, "quote": quote, "confidence": confidence}
            self.plans.append(plan)
        if name not in plan["variants"]:
            plan["variants"].append(name)
        if acronym and acronym not in plan["variants"]:
            plan["variants"].append(acronym)
        if period and not plan["period"]:
            plan["period"] = period
            plan["printed"] = printed
        if not (period or _PERIOD.search(name)):
            plan.setdefault("undated", set()).add(_norm(_base(name)))  # named without its period here
        plan["confidence"] = max(plan["confidence"], confidence)
        for key in (name, _base(name), acronym or ""):
            if key:
                self.index.setdefault(_norm(key), plan)
        return plan


def _period_after(text: str, end: int) -> str | None:
    m = _PERIOD.match(text[end:end + 14].lstrip(" (,"))
    if m:
        return f"{m.group(1)}{'/' if '/' in m.group(0) else '-'}{m.group(2)}"
    return None


def _printed_period(text: str, end: int) -> str | None:
    """The period after a name as printed: "2019 - 2022", "2019/23"."""
    m = _PERIOD.match(text[end:end + 14].lstrip(" (,"))
    return m.group(0) if m else None


def _period_before(text: str, start: int) -> str | None:
    m = re.search(r"((?:19|20)\d\d)(?:\s*[-–/]\s*((?:19|20)?\d\d))?\s*$", text[max(0, start - 12):start].rstrip())
    if m and m.group(2):
        return f"{m.group(1)}{'/' if '/' in m.group(0) else '-'}{m.group(2)}"
    return None


def _good_titled(name: str) -> bool:
    words = name.split()
    if len(words) < 2 or not words[0][:1].isupper() or words[0].title() in _BAD_FIRST:
        return False
    head = words[-1].lower()
    capital_mods = [w for w in words[:-1] if w[:1].isupper()]
    if head in ("approach", "model", "pilot", "review", "campaign", "pledge", "charter", "report") \
            and not words[-1][:1].isupper() and len(capital_mods) < 2:
        return False
    if re.search(r"[’']s$", words[-2]) and len(words) == 2 and \
            re.sub(r"[’']s$", "", words[-2]) in re.sub(r"\\b|\(\?:|\)", "", _ORG_WORDS).split("|") + ["Mayor", "Leader"]:
        return False  # "Council's Plan": a body's own plan, not a name ("Children's Plan" is one)
    caps = [w for w in words[:-1] if w[:1].isupper() or w[:1].isdigit()]
    if not caps:
        return False
    if all(w.lower() in _GENERIC_LOWER | _GENERIC_MOD | {"action", "delivery", "work"} for w in words[:-1]):
        return False
    if _OWNER_BARE.match(name):
        return False
    if not words[-1][:1].isupper() and re.fullmatch(rf"(?:{_ORG_WORDS})", words[-2]):
        return False  # "setting Council policy", "the X Partnership plans": a body's own, unnamed
    owner = re.match(r"(?P<w>\w+)['’]s$", words[-2])
    if head == "report" and owner and owner.group("w").lower() in _POST_OWNERS:
        return False  # "the Chief Executive's report": a post-holder's regular report, not a named document
    return True


@register("govgraph.plans.v1", order=50,
          reads=("blocks",),
          writes=("plan", "plans"))
def extract_plans(doc: Document, context: Context):
    plans = PlanSet(doc)
    for b in doc.blocks:
        raw = doc.line(b.line)
        texts = [clean(c) for c in b.cells] if b.cells else [clean(b.text)]
        for text in texts:
            if not text:
                continue
            stripped = re.sub(r"^\s*\d{1,2}(?:\.\d{1,2})*\.?\s+", "", text).strip(" *#")
            sh = _SECTION_HEAD.match(text.strip(" *#"))
            if sh and re.search(rf"\b(?:{_HEAD_RE})\b", stripped, re.IGNORECASE) and len(stripped.split()) <= 10:
                title = re.sub(r"\s*\(.*\)\s*$", "", stripped).strip()
                head = re.search(rf"(?i:{_HEAD_RE})\b", title)
                if head and head.end() >= len(title) - 1 and len(title.split()) >= 2 and "/" not in title \
                        and title_case(title).split()[0] not in _BAD_FIRST and not title.lower().endswith("s"):
                    plans.add(title_case(title), head.group(0), b.line, quote_of(raw, stripped), 0.8)
                    continue
            quoted = []
            for m in _QUOTED.finditer(text):
                quoted.append(m.span("name"))
                plans.add(m.group("name"), m.group("head"), b.line, quote_of(raw, m.group("name")), 0.7)
            for m in _QUOTED_TITLE.finditer(text):
                inner = m.group("inner").strip()
                words = inner.split()
                caps = sum(w[:1].isupper() for w in words)
                window = text[max(0, m.start() - 40):m.end() + 40]
                if 2 <= len(words) <= 7 and caps * 2 >= len(words) and _PLANISH.search(window) \
                        and not any(s <= m.start() < e for s, e in quoted):
                    plans.add(inner, "initiative", b.line, quote_of(raw, m.group(0)), 0.5)
                    quoted.append(m.span())
            for pat in (_ACR_FULL, _FULL_ACR):
                for m in pat.finditer(text):
                    full = m.group("full")
                    ini = "".join(w[0] for w in full.split() if w[:1].isupper())
                    if ini != m.group("acr") or re.search(rf"\b(?:{_ORG_WORDS})$", full) or full.split()[0] in _BAD_FIRST:
                        continue
                    head = m.group("head")
                    # a plan word belongs to the name ("... (ISTV) scheme"); "training" says how it is delivered
                    name = full if head in ("training", "approach") else f"{full} {head}"
                    if plans.find(full) is None:
                        plans.add(name, "programme" if head == "training" else head, b.line, quote_of(raw, m.group(0)), 0.6,
                                  acronym=m.group("acr"))
            for m in _NAMED_TRAINING.finditer(text):
                name = m.group("name")
                words = name.split()
                if words[0] in _BAD_FIRST or re.search(rf"\b(?:{_ORG_WORDS})\b", name) or \
                        (m.start() == 0 or text[:m.start()].rstrip().endswith((".", ":"))) and len(words) < 3:
                    continue
                plan = plans.add(f"{name} training", "programme", b.line, quote_of(raw, m.group(0)), 0.5)
                if plan is not None and name not in plan["variants"]:  # "We deliver Mental Health First Aid"
                    plan["variants"].append(name)
                    plans.index.setdefault(_norm(name), plan)
            for m in _GUIDANCE.finditer(text):
                name = m.group("name")
                if name.split()[0] in _BAD_FIRST and name.split()[0] not in ("Statutory",):
                    continue
                plan = plans.add(name, "policy", b.line, quote_of(raw, name), 0.6, period=m.group("year"))
                if plan is not None:
                    plan["kind"] = "policy"
                    short = name[:name.index("Guidance") + len("Guidance")]  # "the Statutory Guidance" later on
                    if len(short.split()) >= 2 and short not in plan["variants"]:
                        plan["variants"].append(short)
                        plans.index.setdefault(_norm(short), plan)
            for m in _OPERATION.finditer(text):
                plans.add(m.group(0), "initiative", b.line, quote_of(raw, m.group(0)), 0.6)
            for m in _TITLED.finditer(text):
                if any(s < m.end("name") and m.start("name") < e for s, e in quoted):
                    continue
                if _ORG_AFTER.match(text[m.end("name"):m.end("name") + 40]) or "-led" in m.group("name") \
                        or " with " in m.group("name"):
                    continue
                if m.group("head")[:1].islower() and re.search(rf"\b(?:and|or|&)\s+{re.escape(m.group('head'))}$",
                                                                m.group("name")):
                    continue  # "X Strategy 2021-2024 and action plan": two things, the second unnamed
                before = text[:m.start("name")].strip(" *•·-–")
                if m.group("head")[:1].islower() and len(m.group("name").split()) == 2 and \
                        (not before or before.endswith((".", ":", ";"))):
                    continue  # "Integrated strategy, shared planning ...": a sentence's capital, not a name
                name = _strip_name(m.group("name"))
                joined = re.search(rf"\b(?:{_ORG_WORDS})\s+(?:and|&)\s+(?=[A-Z])(?!Crime\b|Rescue\b)", name)
                if joined:  # "the X Board and Y Plan": the plan is the last name ("Police and Crime Plan" is one)
                    name = name[joined.end():]
                if not _good_titled(name) or len(_base(name).split()) < 2:
                    continue
                dash = _DASH_NAME.match(text[m.end():])
                if dash:  # "Council Employment Programme – Elmford Works"
                    other = re.sub(r"\s+(?:Board|Group|Team|Partnership|Committee|Panel|Update)$", "", dash.group("n"))
                    full = text[m.start("name"):m.end() + dash.start("n") + len(other)]
                    if other.title() not in _BAD_FIRST and other not in ("Update", "Summary", "Draft", "Final"):
                        plan = plans.add(other, m.group("head"), b.line, quote_of(raw, full), 0.6)
                        if plan is not None:
                            full = _strip_name(full)
                            plan["variants"].append(full)
                            plans.index.setdefault(_norm(full), plan)
                        continue

                period = _period_after(text, m.end()) or _period_before(text, m.start("name"))
                status = _STATUS.match(text[m.end("name"):])
                if status and not m.group("acr"):  # "Single Violence Plan Working Draft": the document's title
                    name = f"{name} {status.group(1)}"
                plans.add(name, m.group("head"), b.line, quote_of(raw, name), 0.7,
                          acronym=m.group("acr"), period=period, printed=_printed_period(text, m.end()))
            for m in _MIXED.finditer(text):
                low = m.group("low").split()
                name = _strip_name(m.group("name"))
                if re.search(rf"\b(?:{_ORG_WORDS})\s+(?:and|&)\s", name) or \
                        re.search(r"\s(?:and|or|&)\s+(?:[a-z][a-z\-]+\s+){1,2}\S+$", name):
                    continue  # "Community Safety Partnership and violence reduction plans", "X Strategy and action plan"
                first = name.split()[0]
                if any(w in _GENERIC_LOWER or w in _VERBISH or w in _GENERIC_MOD or w.endswith(("ed", "ly", "ing"))
                       for w in low) \
                        or first.title() in _BAD_FIRST or (m.start() > 0 and text[m.start() - 1:m.start()] == "'") \
                        or any(s < m.end("name") and m.start("name") < e for s, e in quoted):
                    continue
                if m.start("name") == 0 or text[:m.start("name")].rstrip().endswith((".", ":", "-")):
                    if len([w for w in name.split() if w[:1].isupper()]) < 2:
                        continue  # a sentence-initial capital is not a name
                caps = [w for w in name.split() if w[:1].isupper() and not re.search(r"['’]s$", w)]
                if caps and plans.find(name) is None:
                    plans.add(name, m.group("head"), b.line, quote_of(raw, m.group("name")), 0.5)
            for m in _LOWER.finditer(text):
                words = m.group("name").split()
                mods = [w for w in words[:-1] if w not in _GENERIC_LOWER]
                if any(w in _GENERIC_MOD or w in ("and", "or") for w in words[:-1]):
                    continue  # "staff training programme", "position and action plan": descriptions
                if len(mods) < 2 or words[-2] in _GENERIC_LOWER or \
                        any(w.endswith(("ed", "ly")) or w in _VERBISH for w in words[:-1]):
                    continue
                first = next(i for i, w in enumerate(words) if w not in _GENERIC_LOWER)
                name = " ".join(words[first:])
                if len(name.split()) < 3:
                    continue
                plans.add(name, m.group("head"), b.line, quote_of(raw, name), 0.5)
    _merge_owner_prefixed(plans)
    # acronyms used alone after being defined ("the VRS") need no fact of their own
    facts = []
    for p in plans.plans:
        name = max((v for v in p["variants"] if not v.isupper() or len(v) > 12),
                   key=lambda v: (not v.isupper(), len(v)), default=p["name"])
        name = _base(name) or name
        if p["period"] and not p.get("undated") and not _PERIOD.search(name):
            # the paper never names it without its period ("X Strategy 2007-12"): the period as printed
            name = f"{name} {p.get('printed') or p['period']}"
        p["name"] = name  # relations name plans as the facts do
        facts.append(Fact("plan", {"name": name, "kind": p["kind"], "variants": p["variants"],
                                   "period": p["period"]}, p["line"], p["quote"], confidence=p["confidence"]))
    context.shared.plans = plans
    return facts


def _merge_owner_prefixed(plans: PlanSet) -> None:
    """'Violence Reduction Strategy' is 'Anytown Violence Reduction Strategy' when the longer
    name only adds one capitalised owner word in front."""
    by_norm = {}
    for p in plans.plans:
        for v in p["variants"]:
            by_norm.setdefault(_norm(v), p)
    merged = set()
    for p in plans.plans:
        if id(p) in merged:
            continue
        for v in list(p["variants"]):
            words = _norm(v).split()
            if len(words) < 3:
                continue
            short = " ".join(words[1:])
            other = by_norm.get(short)
            if other is not None and other is not p and id(other) not in merged and v.split()[0][:1].isupper():
                for ov in other["variants"]:
                    if ov not in p["variants"]:
                        p["variants"].append(ov)
                p["period"] = p["period"] or other["period"]
                p.setdefault("undated", set()).update(other.get("undated", set()))
                p["line"] = min(p["line"], other["line"])
                merged.add(id(other))
    plans.plans = [p for p in plans.plans if id(p) not in merged]
