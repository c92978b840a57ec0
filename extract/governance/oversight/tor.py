"""Oversight as terms of reference, structure pages and governance minutes state it.

A sentence's subject may be a body's name, a pronoun ("It reports directly to ...", "They provide
regular update reports to ...") or a generic reference ("The Forum is chaired by ..."): pronouns and
generic references resolve to the body the text is about (`Topic`). Objects may be coordinated
("reports to the X Partnership and the Y Committee", "a joint Committee of A, B and C"), and each gets
its own relation. Proposals, questions put to a body and negations ("it is proposed that ... will report
to", "will be asked to consider", "does not report to") are not facts and give no relation.

Phrasings, with the relation each gives:
- "is accountable to", "answers (for ...) to", an "Accountable to" label line -> accountable_to
- "reports (directly/quarterly/...) to", "reports progress to", "feeds into", "provides regular update
  reports to" -> reports_to
- "is a sub-group / sub-committee / task group / committee / joint Committee of", "Within the X
  structure the Y is a Thematic Group", "sits under" -> part_of
- "oversees (the work of)", "monitor(s) (the work of)", "scrutinise(s)", "comes under the oversight of",
  "takes over oversight of T from Y" -> oversees
- "leads (the development of)", "develop / publish / prepare / draw up" a plan, "plays a leadership
  role in", "Accountability for leading X rests with Y" -> leads; "implement", "deliver (against)" a plan
  -> delivers; "develop and deliver" -> both
- "in line with" / "complies with" a plan -> aligns_with
- "(jointly) chaired by" a person, a post or a body; "X is the (newly appointed) Chair of Y";
  "the Chair, X," -> chaired_by
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from extract.governance.oversight.collector import Rel
from extract.governance.oversight.names import ORG_HEADS, PERSON, person_name, plans_in
from extract.organisations import COMPOUND_AND, strip_leading_junk

if TYPE_CHECKING:
    from extract.governance.plans import PlanSet

HEADS = ORG_HEADS + r"|Commissioner|Taskforce|Task Force|Assembly|Sub Committee|Sub-Committee|Sub-group|Subgroup|Constabulary|Government"
_WORD = r"(?:[A-Z][\w’'&\-]*|AND_|AMP_)"
#: a run of capitalised words with the small words names use inside them
_RUN_TAIL = rf"(?:\s+(?:(?:and|&|of|for|on|the|in)\s+)*{_WORD}|,\s+(?:and\s+)?{_WORD})*"
_RUN = re.compile(rf"{_WORD}{_RUN_TAIL}")
_HEAD_END = re.compile(rf"(?:\b(?:{HEADS})s?|\b[A-Z]{{2,8}}s?|\bNHS\s+{_WORD})$")
_GENERIC_REF = re.compile(rf"^(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts)\s+(?:(?:new|strategic|executive|main|overarching|"
                          rf"partnership|governance)\s+)*(?P<noun>board|forum|group|partnership|panel|committee|trust|"
                          rf"unit|network|taskforce|team|council|authority|executive|sub-group)s?$", re.IGNORECASE)
_PRONOUN = re.compile(r"^(?:it|they|which|who|and\s+it|and\s+they)$", re.IGNORECASE)
#: statements that are not facts: proposals, requests, questions put to a body, negations
_NOT_FACT = re.compile(r"\b(?:propos(?:ed|al|es?)|asked\s+to\s+consider|to\s+consider\s+whether|suggested|could|might|"
                       r"would\s+like|should\s+consider|not|no\s+longer|never|neither|nor|whether|if)\b", re.IGNORECASE)


@dataclass
class Topic:
    """The body the text is about, for "it", "they" and "the Board"."""
    main: str | None = None  # the paper's own body (its title)
    current: str | None = None  # the body the latest sentence was about
    named: list[str] = field(default_factory=list)  # bodies named lately
    plan: str | None = None  # the plan named last, for "the plan"

    def note(self, body: str | None) -> None:
        if body and named_body(body) == body:
            self.current = body
            self.named = (self.named + [body])[-30:]

    def resolve(self, ref: str) -> str | None:
        ref = ref.strip()
        if _PRONOUN.match(ref):
            return self.current or self.main
        g = _GENERIC_REF.match(ref)
        if g and re.match(r"^\w+\s+[a-z]", ref) and len(ref.split()) > 2 and self.main:
            return self.main  # "the strategic board", "this executive group": the body the page is about
        if g and g.group("noun").lower() in ("council", "authority") and not re.match(r"^\w+\s+[a-z]", ref):
            return g.group("noun").title()  # "the Council": the paper's council, found by the resolution pass
        if g:
            noun = g.group("noun").lower()
            for body in reversed(self.named + ([self.main] if self.main else [])):
                if body and body.lower().split()[-1].rstrip("s") == noun.rstrip("s"):
                    return body
            return self.current or self.main  # "the Partnership" in a page about one body
        return None


def body_at(text: str) -> str | None:
    """The body named at the start of text ("the X Partnership Board, which ..." -> "X Partnership Board")."""
    text = re.sub(r"^\s*(?:the|a|an)\s+", "", text, flags=re.IGNORECASE)
    m = _RUN.match(text)
    if not m:
        return None
    run = re.split(r"(?:^|\s+)(?:The|This|That|Within|Under|From|In|Across|Through|For|By|With)\s+", m.group(0))[-1]
    run = re.sub(r"^(?:the|a|an)\s+", "", run)  # "Introduction The X Board", "Within the X Partnership"
    run = re.sub(r"^(?:[A-Z]{2,}\s+){2,}(?=[A-Z][a-z])", "", run)  # a label in capitals: "TERMS OF REFERENCE X"
    run = strip_leading_junk(run)
    words = re.sub(r",", " ,", run).split()
    for k in range(len(words), 0, -1):
        cand = " ".join(words[:k]).replace(" ,", ",").rstrip(",")
        if _HEAD_END.search(cand) and not cand.endswith(("’s", "'s")):
            return cand
    return None


def named_body(text: str | None) -> str | None:
    """text when it is nothing but a body's name (an article or a place's possessive aside), else None."""
    if not text:
        return None
    bare = re.sub(r"^(?:the|a|an)\s+", "", text.strip(), flags=re.IGNORECASE)
    bare = re.sub(rf"^{_WORD}(?:\s+{_WORD}){{0,3}}['’]s\s+(?=[A-Z]{{2,8}}$)", "", bare)  # "Elmford's ADP" -> "ADP"
    if bare.isupper() and len(bare.split()) > 2:
        return None  # a heading in capitals
    return bare if body_at(bare) == bare else None


def opening_body(sentence: str) -> str | None:
    """The body a sentence opens with as its subject ("Summary: The X Group has been ..." -> X Group)."""
    text = re.sub(r"^\W*(?:[A-Z][\w ]{0,30}:\s+)?(?:\d+(?:\.\d+)*\.?\s+)?", "", sentence)
    m = re.match(rf"^(?:The\s+)?({_WORD}{_RUN_TAIL})\s+(?:\([A-Z]{{2,8}}\)\s+)?[a-z]+\b", text)
    return named_body(m.group(1)) if m else None


def opening_ref(sentence: str, topic: Topic) -> str | None:
    """The body a sentence opens with, named or referred to ("The strategic board mainly provides ...")."""
    named = opening_body(sentence)
    if named:
        return named
    g = re.match(r"^\W*((?:The|This|Its)\s+(?:[a-z-]+\s+){0,2}(?:board|forum|group|partnership|panel|committee|"
                 r"trust|unit|network|taskforce))\s+[a-z]", sentence)
    return topic.resolve(g.group(1)) if g else None


def bodies_in_list(text: str) -> list[str]:
    """Each body of a coordinated list: "the X Partnership and the Y Committee (YC)", "A, B, C and D";
    "and" inside a name ("Health and Wellbeing Board") stays."""
    out = []
    text = re.split(r"[;:.]\s|\s+(?:on|for|about|flagging|so|to|in\s+order|which|who|under|with|from|as)\s+", text + " ")[0]
    text = COMPOUND_AND.sub(lambda m: m.group(0).replace(" and ", " AND_ ").replace(" & ", " AMP_ "), text)
    pieces = re.split(r"(,\s*(?:and\s+)?|\s+(?:and|or)\s+(?=(?:the\s+)?[A-Z])|\s+&\s+(?=the\s))", text)
    acc = ""
    for k in range(0, len(pieces), 2):
        piece = re.sub(r"\s*\([^)]*\)\s*", " ", pieces[k]).strip()
        acc = f"{acc}{pieces[k - 1]}{piece}" if acc else piece
        body = body_at(acc)
        if body and re.sub(r"^(?:the|a|an)\s+", "", acc, flags=re.IGNORECASE) == body:
            out.append(body)
            acc = ""
    if acc and body_at(acc):
        out.append(body_at(acc))
    return [b.replace(" AND_ ", " and ").replace(" AMP_ ", " & ") for b in out]


_PREP = re.compile(r"\b(?:within|of|from|to|by|with|in|under|for|on|at|through|into|between|across|about|over|as|"
                   r"than|via|against)\s+(?:the\s+|a\s+|an\s+)?$", re.IGNORECASE)


def subject_of(clause: str, topic: Topic) -> str | None:
    """The first body in a clause that is not inside a prepositional phrase ("Within the X structure the
    Y is ..." -> Y), a pronoun's or a generic reference's body, or None."""
    for m in re.finditer(rf"\b(?:it|they|(?:[Tt]he|[Tt]his|[Ii]ts)\s+(?:[\w-]+\s+){{0,2}}?(?:board|forum|group|partnership|"
                         rf"panel|committee|trust|unit|network|taskforce|council|authority|sub-group)s?\b|"
                         rf"(?:[Tt]he\s+)?{_WORD}{_RUN_TAIL})", clause):
        if _PREP.search(clause[:m.start()]) or clause[m.end():m.end() + 2] in ("’s", "'s") or \
                clause[:m.start()].rstrip().endswith("(") and not re.match(r"\)?\s+sub-?\s?group", clause[m.end():], re.I) or \
                re.match(r"(?:Within|Under|From|In|Across|Through|For|By|With|As|At|Following|After|Before|On)\b",
                         m.group(0)):
            continue
        ref = m.group(0)
        if _PRONOUN.match(ref):
            return topic.resolve(ref)
        named = body_at(ref)
        g = re.match(r"^(?:[Tt]he|[Tt]his|[Ii]ts)\s+", ref)
        if named and not _GENERIC_REF.match("the " + named):
            return named_body(named)
        if g or (named and _GENERIC_REF.match("the " + named)):
            resolved = topic.resolve(ref if g else "the " + named)
            if resolved:
                return resolved
    return None


def _named_earlier(text: str, noun: str) -> str | None:
    """The last body named in text whose name ends with noun ("... the X Partnership ... the partnership")."""
    found = None
    for m in _RUN.finditer(text):
        body = body_at(m.group(0))
        if body and body.lower().split()[-1].rstrip("s") == noun.lower().rstrip("s"):
            found = body
    return found


def _subject(rel: Rel, topic: Topic, before: str) -> str | None:
    """The subject of a verb: the subject of its clause, or what a pronoun opening the clause refers to
    ("the ADP is a Thematic Group, and it reports to ..." -> the ADP)."""
    parts = re.split(r"[,;]\s+(?:and\s+)?(?=(?:it|they)\b)|\s+and\s+(?=(?:it|they)\b)", before)
    clause = parts[-1].strip()
    if re.match(r"^(?:it|they)\b", clause) and len(parts) > 1:
        earlier = subject_of(parts[-2], topic)
        if earlier:
            return earlier
    clause = re.sub(r"^(?:\d+(?:\.\d+)*\.?|[-•*·])\s+", "", clause)
    g = re.search(r"\b(?:how|that)\s+the\s+(board|partnership|group|committee|panel|forum|trust)\s*(?:\w+\s*)?$", clause)
    if g and _named_earlier(clause, g.group(1)):
        return _named_earlier(clause, g.group(1))  # "... of the X Partnership ... how the partnership will ..."
    clause = re.split(r"\b(?:that|whereby|because|whilst|while|where|how)\s+", clause)[-1]  # "reminding X that Y is ..."
    return subject_of(clause, topic)


_ADV = r"(?:(?:also|directly|formally|regularly|quarterly|annually|jointly|then|publicly|now|still|ultimately|" \
       r"continue\s+to|continues\s+to|will|shall|must|would|is\s+to|are\s+to)\s+)*"
_VERBS = [
    ("accountable_to", re.compile(rf"\b(?:is|are|was|will\s+be|remains?|shall\s+be)\s+{_ADV}accountable\s+to\s+"
                                  rf"|\banswer(?:s|able)?\s+(?:for\s+[^.;]{{3,80}}?\s+)?to\s+")),
    ("reports_to", re.compile(rf"\b{_ADV}(?:reports?|reporting|feeds?|feeding)\s+{_ADV}(?:progress\s+|back\s+)?"
                              rf"(?:on\s+progress\s+)?(?:to|into)\s+"
                              rf"|\bprovides?\s+(?:regular\s+|quarterly\s+|annual\s+)?(?:update\s+|progress\s+)?"
                              rf"reports\s+to\s+")),
    ("part_of", re.compile(rf"\b(?:is|are|will\s+be|acts\s+as|forms?|was|became|becomes)\s+{_ADV}(?:an?\s+|the\s+|one\s+)?"
                           rf"(?:(?:recognised|formal|statutory|unique|standing|thematic|joint|key|local)\s+)*"
                           rf"(?:sub-?\s?groups?|sub-?\s?committees?|sub-?\s?boards?|task\s+groups?|thematic\s+groups?|"
                           rf"working\s+groups?|committees?|part)\s+(?:with\s+[\w\s-]{{3,40}}?\s+)?(?:of|within)\s+",
                           re.IGNORECASE)),
    ("oversees", re.compile(rf"\b{_ADV}(?:oversees?|overseeing|monitors?|monitoring|scrutinises?|scrutinizes?|"
                            rf"scrutinise|holds?\s+to\s+account)\s+(?:the\s+)?(?:work|actions\s+and\s+decisions|"
                            rf"delivery(?:\s+and\s+performance)?|performance|implementation|development)?\s*(?:of\s+)?",
                            re.IGNORECASE)),
]


def upward_relation(text: str, accountable_word: str) -> str:
    """accountable_to when the text holds the word of accountability, else reports_to."""
    return "accountable_to" if accountable_word in text else "reports_to"


def is_fact(s: str, start: int) -> bool:
    """Not a proposal, a request, a question put to a body or a negation."""
    return not _NOT_FACT.search(s[max(0, start - 80):start + 40])


def _objects(rel: Rel, plans: PlanSet | None, rest: str, line: int,
             topic_plan: str | None = None) -> list[tuple[str, bool]]:
    """(object, is_body) after a verb: the plans or the bodies it names first."""
    head = rest[:600]
    if topic_plan and re.match(r"^(?:(?:the|this|these)\s+)?(?:action\s+)?(?:plan|strategy|plans|strategies)\b", head, re.I):
        return [(topic_plan, False)]  # "monitor the plan": the plan named last
    found = plans_in(plans, head[:90])
    bodies = bodies_in_list(head)
    if found and (not bodies or head.lower().find(found[0].lower().split()[0]) <= head.find(bodies[0])):
        return [(found[0], False)]
    if not found and not bodies:
        named = plan_phrases(head)
        if named and _plan_like(named[0]) and re.match(r"^(?:the|a|an|its|their)\s", head, re.IGNORECASE):
            note_plan(rel, plans, named[0], line)
            return [(named[0], False)]
    generic = re.match(r"^(?:the|its)\s+(?:(?:new|main|strategic|operational|overarching)\s+)?"
                       r"(?P<noun>board|forum|group|partnership|panel|committee|council|trust|unit)s?\b", head, re.I)
    if generic and not bodies[:1] or generic and bodies and not head.lower().startswith("the " + bodies[0].lower()[:3]):
        return []
    return [(b, True) for b in bodies]


#: "a report back to the Board", "the annual report to": a noun, nobody reports
_NOUN_BEFORE = re.compile(r"\b(?:a|an|the|its|their|this|annual|progress|final|interim|update|regular)\s+(?:\w+\s+)?$",
                          re.IGNORECASE)


def relate(rel: Rel, topic: Topic, s: str, line: int, plans: PlanSet | None) -> None:
    """Every stated relation in one sentence."""
    if not hasattr(rel, "plan_facts"):
        rel.plan_facts = []
    topic.note(opening_ref(s, topic))
    for relation, pat in _VERBS:
        for m in pat.finditer(s):
            if not is_fact(s, m.start()) or relation == "reports_to" and _NOUN_BEFORE.search(s[:m.start()]) \
                    and not m.group(0).lstrip().lower().startswith("provide"):
                continue
            subj = _subject(rel, topic, s[:m.start()])
            if not subj:
                continue
            objs = _objects(rel, plans, s[m.end():], line, topic.plan)
            if relation == "oversees" and not objs:
                objs = _oversight_topic(s[m.end():])
            dual = relation == "part_of" and "reporting" in m.group(0).lower()  # "sub-group with dual reporting ... of"
            if relation == "reports_to" and re.search(r"\bsub-?\s?(?:group|committee)\b", s[:m.start()][-80:], re.I):
                relation, dual = "part_of", True  # "The X sub-group reports to Y": a part of Y that reports to it
            for obj, is_body in objs:
                kind = None if is_body or plans is not None and plans.find(obj) else "text"
                for r in (relation, "reports_to") if dual else (relation,):
                    rel.add(subj, r, obj, line, s[max(0, m.start() - 40):m.end() + 60].strip(), 0.6,
                            subject_is_org=True, object_is_org=is_body, object_kind=kind)
            if objs:
                topic.note(subj)
    _aligns(rel, topic, s, line, plans)
    _fronted_part_of(rel, topic, s, line)
    _oversight_moves(rel, topic, s, line)
    _chairs(rel, topic, s, line)
    _plan_roles(rel, topic, s, line, plans)
    named = plans_in(plans, s)
    if named:
        topic.plan = named[-1]


_ALIGN = re.compile(r"\b(?:(?:is|are|was|be|being)\s+)?(?:in\s+line\s+with|complies\s+with|comply\s+with|consistent\s+with|"
                    r"in\s+accordance\s+with|fully\s+coordinated\s+with)\s+", re.IGNORECASE)


def _aligns(rel: Rel, topic: Topic, s: str, line: int, plans: PlanSet | None) -> None:
    """'X recommends funding in line with ... the Y Strategy', 'the city's Z Plan complies with the W Guidance':
    a body or a plan aligns with a plan (the first plan named in the next words)."""
    if plans is None:
        return
    for m in _ALIGN.finditer(s):
        if not is_fact(s, m.start()):
            continue
        target = plans_in(plans, s[m.end():m.end() + 120])
        if not target:
            continue
        before = s[:m.start()]
        own = plans_in(plans, before[-100:])
        subj = own[-1] if own else _subject(rel, topic, before)
        if subj and subj != target[0]:
            rel.add(subj, "aligns_with", target[0], line, m.group(0) + target[0], 0.5, subject_is_org=not own)


def _oversight_topic(rest: str) -> list[tuple[str, bool]]:
    """'monitor the work of the DAAT' is read above; a bare capitalised topic ("oversight of Community Safety")."""
    m = re.match(rf"^({_WORD}(?:\s+{_WORD}){{0,3}})\b", rest)
    if m and not re.search(r"\b(?:The|This|Our|It|A)\b", m.group(1)):
        return [(m.group(1), False)]
    return []


_WITHIN = re.compile(rf"^\W*Within\s+(?:the\s+)?(?P<whole>{_WORD}(?:\s+(?:(?:and|of|&)\s+)?{_WORD})*?)\s*(?:\([A-Z]{{2,8}}\)\s*)?"
                     rf"(?:structure|framework|arrangements)?\s*,?\s+(?P<part>(?:the\s+)?{_WORD}(?:\s+{_WORD})*)\s+"
                     rf"(?:is|sits\s+as|acts\s+as|operates\s+as)\s+(?:an?\s+|the\s+)?(?:\w+\s+)?(?:group|sub-?group|committee)\b",
                     re.IGNORECASE)


def _fronted_part_of(rel: Rel, topic: Topic, s: str, line: int) -> None:
    """'Within the X structure the Y is a Thematic Group' -> Y part_of X."""
    m = _WITHIN.match(s)
    if not m:
        return
    whole, part = body_at(m.group("whole")), body_at(m.group("part"))
    if whole and part:
        rel.add(part, "part_of", whole, line, m.group(0)[:120], 0.6, subject_is_org=True, object_is_org=True)
        topic.note(part)


_UNDER_OVERSIGHT = re.compile(rf"(?P<subj>(?:\w+\s+){{0,3}}?{_WORD}(?:\s+[\w-]+){{0,4}}?)\s+(?:would|will|shall|to)?\s*"
                              rf"(?:come|comes|fall|falls|sit|sits)\s+under\s+the\s+(?:strategic\s+)?oversight\s+of\s+"
                              rf"(?P<obj>[^.;]+)")
_TAKE_OVER = re.compile(r"\btake\s+over\s+(?:the\s+)?(?:strategic\s+)?oversight\s+of\s+(?P<what>[^.;]+?)\s+from\s+"
                        r"(?P<old>[^.;]+)")


def _oversight_moves(rel: Rel, topic: Topic, s: str, line: int) -> None:
    """'Various operational Boards would come under the oversight of the X' -> X oversees them;
    'X would take over strategic oversight of T from Y' -> X and Y oversee T (new and former)."""
    for m in _UNDER_OVERSIGHT.finditer(s):
        objs = bodies_in_list(m.group("obj"))
        what = re.sub(r"^(?:various|several|all|the|its|many|some)\s+", "", m.group("subj").strip(), flags=re.I)
        for obj in objs[:1]:
            rel.add(topic.resolve(obj) or obj, "oversees", what, line, m.group(0)[:120], 0.5, subject_is_org=True,
                    object_kind=None if re.search(rf"\b(?:{HEADS})s?$", what) else "text")
    for m in _TAKE_OVER.finditer(s):
        subj = _subject(rel, topic, s[:m.start()])
        what = _oversight_topic(m.group("what")) or [(m.group("what").strip(), False)]
        old = bodies_in_list(m.group("old"))
        for who in [subj, *old[:1]]:
            if who:
                rel.add(who, "oversees", what[0][0], line, m.group(0)[:120], 0.5, subject_is_org=True,
                        object_kind="text")


#: "chaired by the council's Chief Executive", "jointly chaired by the X's 'Head of Y' and the Z 'Lead'"
_CHAIRED = re.compile(r"\b(?:is|are|was|will\s+be|has\s+been|have\s+been|be)?\s*(?:jointly\s+|currently\s+|normally\s+)?"
                      r"(?:co-)?chaired\s+by\s+(?P<obj>[^.;]+)")
_POST = re.compile(r"\b(?:Chair|Chief|Director|Head|Leader|Member|Lead|Mayor|Officer|Commissioner|Executive|Manager|"
                   r"Chairman|Cabinet|Constable|Secretary|Convener|Provost)\b", re.IGNORECASE)
_CHAIR_OF = re.compile(rf"(?P<person>{PERSON})\s+(?:is|was|has\s+been|will\s+be)\s+(?:the\s+)?(?:newly\s+(?:appointed|elected)\s+|"
                       rf"new\s+|current\s+|independent\s+)?(?:Chair|Chairman|Chairperson|Convener)\s+of\s+(?:the\s+)?"
                       rf"(?P<body>{_WORD}(?:\s+(?:(?:and|of|&)\s+)?{_WORD})*)")


def _chair_objects(text: str) -> list[str]:
    """Each chair named after "chaired by": a person, a post (its owner's possessive dropped; a quoted post
    kept whole) or a body."""
    out = []
    quoted = {}

    def hold(m: re.Match) -> str:
        quoted[f"Q{len(quoted)}Q"] = m.group(1)
        return f" Q{len(quoted) - 1}Q"
    text = re.sub(r"\s*[‘“\"]([^’”\"]{3,80})[’”\"]", hold, text)
    text = re.split(r"\s+(?:and\s+(?:its|is|has|their|the\s+\w+\s+(?:is|are|has))\b|who\b|which\b|with\b|on\s+a\b|"
                    r"for\s+(?:a|the)\s+(?:term|period|year)|,\s*(?:and\s+)?(?:its|it|is|the\s+\w+\s+is))|\.\s", text)[0]
    for part in re.split(r"\s+and\s+(?=the\s|[A-Z])", text):
        part = part.strip(" ,")
        q = re.search(r"Q\d+Q", part)
        if q:
            part = quoted[q.group(0)]
        part = re.sub(r"^(?:the|an?)\s+", "", part)
        part = re.sub(r"\s*\([^)]*\)?\s*$", "", part.strip(" ,.;"))  # "(paragraph 3.11)"
        part = re.sub(r"^(?:(?!(?:for|of|and|with|to)\b)[\w&’'\-]+\s+){0,3}?(?!(?:for|of|and)\b)[\w&\-]+['’]s\s+"
                      r"(?=[A-Z‘'\"“]|[a-z]+\s+(?:member|officer|director))", "", part)  # "the council's Chief Executive" (not "Lead member for Children's Services")
        part = part.strip("‘’'\"“” ")
        if not part or len(part.split()) > 10:
            continue
        who = re.match(rf"^({PERSON})\s*,", part)
        if who and not _POST.search(who.group(1)):
            part = who.group(1)  # "Dr Ann Lee, Director of Public Health": the person
        if re.match(rf"^{PERSON}$", part) and not _POST.search(part) and not _HEAD_END.search(part):
            out.append(person_name(part))
        elif _POST.search(part) or _HEAD_END.search(part) or re.search(r"\b(?:rotat|alternat)", part, re.I):
            out.append(part)
    return out


def _chairs(rel: Rel, topic: Topic, s: str, line: int) -> None:
    for m in _CHAIRED.finditer(s):
        if not is_fact(s, m.start()):
            continue
        before = s[:m.start()]
        appos = re.search(rf"(?P<body>{_WORD}(?:\s+(?:(?:and|of|&)\s+)?{_WORD})*)\s*,\s*$", before)
        subj = body_at(appos.group("body")) if appos else None
        subj = subj or _subject(rel, topic, before)
        if not subj:
            continue
        if any(f.line == line and f.fields["relation"] == "chaired_by" for f in rel.facts):
            continue  # the post's holder is named: read in extract.governance.oversight.chairs
        for obj in _chair_objects(m.group("obj")):
            rel.add(subj, "chaired_by", obj, line, m.group(0)[:120], 0.7, subject_is_org=True)
    for m in _CHAIR_OF.finditer(s):
        body = body_at(m.group("body"))
        if body and is_fact(s, m.start()):
            rel.add(body, "chaired_by", person_name(m.group("person")), line, m.group(0)[:120], 0.7,
                    subject_is_org=True)


#: "develop and deliver a Local Outcomes Improvement Plan", "publish an annual report", "implement the plan"
_PLAN_VERB = re.compile(r"\b(?P<verb>(?:develop|draw\s+up|drawn\s+up|prepare|publish|produce|leads?(?!\s+to\b)|implement|deliver)"
                        r"(?:s|ed|ing)?(?:\s+(?:and|&)\s+(?:develop|publish|deliver|implement|prepare)(?:s|ed|ing)?)?)"
                        r"(?=\s+(?:against\s+)?(?P<rest>[^.;]{3,140}))", re.IGNORECASE)
_PLAN_NP = re.compile(r"^(?:the\s+|an?\s+|its\s+(?:own\s+)?|their\s+)?(?:(?:development|delivery|implementation)\s+of\s+"
                      r"(?:the\s+|an?\s+)?)?(?:(?:series|number)\s+of\s+)?"
                      r"(?P<np>(?:[\w’'\-]+\s+){0,4}?(?:strategy|strategies|plan|plans|report|programme|framework|"
                      r"agreement|assessment))\b", re.IGNORECASE)
_LEADERSHIP = re.compile(r"(?P<subj>[^.;]{3,80}?)\s+(?:would|will|shall|to)?\s*(?:play|plays|take|takes)\s+(?:a|the)\s+"
                         r"(?:lead(?:ership)?|leading)\s+role\s+in\s+(?P<obj>[^.;]+)")
_RESTS_WITH = re.compile(r"\bAccountability\s+for\s+(?:leading\s+)?(?P<what>[^.;]{3,120}?)\s+(?:rests|lies|sits)\s+with\s+"
                         r"(?P<who>[^.;,]+)")


def _plan_roles(rel: Rel, topic: Topic, s: str, line: int, plans: PlanSet | None) -> None:
    for m in _PLAN_VERB.finditer(s):
        if not is_fact(s, m.start()):
            continue
        verb = m.group("verb").lower()
        rest = m.group("rest")
        named = plans_in(plans, rest[:100])
        objs = []
        if named and rest.lower().find(named[0].lower().split()[0]) <= 60:
            objs = [named[0]]
        else:
            objs = [name for name in plan_phrases(rest) if _plan_like(name)]
            for name in objs:
                note_plan(rel, plans, name, line)
        if not objs:
            continue
        subj = _subject(rel, topic, s[:m.start()])
        if not subj:
            continue
        for obj in objs:
            if re.search(r"develop|draw|prepare|publish|produce|lead", verb):
                rel.add(subj, "leads", obj, line, m.group(0)[:120], 0.5, subject_is_org=True)
            if re.search(r"implement|deliver", verb):
                rel.add(subj, "delivers", obj, line, m.group(0)[:120], 0.5, subject_is_org=True)
    for m in _LEADERSHIP.finditer(s):
        if is_fact(s, m.start()):
            named = _subject(rel, topic, m.group("subj"))
            subj = named or _lower_body(m.group("subj"))
            obj = bodies_in_list(m.group("obj"))
            if subj and obj:
                rel.add(subj, "leads", obj[0], line, m.group(0)[:120], 0.5, subject_is_org=bool(named),
                        object_is_org=True, subject_kind=None if named else "text")
    for m in _RESTS_WITH.finditer(s):
        named = body_at(m.group("who"))
        who = named or _lower_body(m.group("who"))
        what = [b for b in (topic.resolve(x) or x for x in re.findall(r"\bthe\s+[A-Z]\w+", m.group("what")))]
        if who and what:
            rel.add(who, "leads", what[-1], line, m.group(0)[:120], 0.5, subject_is_org=bool(named), object_is_org=True,
                    subject_kind=None if named else "text")


def _lower_body(text: str) -> str | None:
    """'The local authority', 'the council': a body named in lower case, ending or opening the text."""
    words = r"(local\s+authority|local\s+authorities|council|county\s+council)"
    m = re.search(rf"\b(?:the\s+)?{words}\b\W*$", text.strip(), re.IGNORECASE) or \
        re.match(rf"^\W*(?:the\s+)?{words}\b", text.strip(), re.IGNORECASE)
    return m.group(1) if m else None


_PLAN_HEAD = re.compile(r"\b(?:strateg(?:y|ies)|plans?|reports?|programmes?|frameworks?|agreements?)\b", re.IGNORECASE)
_NOT_MODIFIER = {"a", "an", "the", "its", "their", "our", "this", "that", "these", "those", "which", "of", "to", "for",
                 "and", "series", "number", "new", "draft", "own", "each", "individual", "any", "on", "how", "in"}


def plan_phrases(rest: str) -> list[str]:
    """The plans a verb's object names ("a comprehensive, evidence-led alcohol and drugs strategy" -> "alcohol
    and drugs strategy"; "an Action Plan and Outcomes Framework" -> both), within its first words."""
    out = []
    text = rest[:120]
    start = 0
    for m in _PLAN_HEAD.finditer(text):
        if m.start() > 70 or out and not re.match(r"^\s+(?:and|&)\s+", text[start:]):
            break
        words = []
        for w in reversed(text[start:m.start()].split()):
            if w.lower() in _NOT_MODIFIER and not (w.lower() == "and" and words) or re.search(r"[,;:()]", w) or \
                    re.search(r"-(?:led|based|term|year|wide)$", w):
                break
            words.insert(0, w)
        while words and words[0].lower() == "and":
            words = words[1:]
        if words and not (len(words) == 1 and words[0].lower() in ("a", "the")):
            out.append(" ".join(words + [m.group(0)]))
        start = m.end()
    return out


#: a body's standing documents, named by one ordinary word ("a strategic plan", "an annual report")
_DUTY_PLANS = re.compile(r"^(?:strategic|annual|business|delivery)\s+(?:plan|report|programme)s?$",
                         re.IGNORECASE)


def _plan_like(name: str) -> bool:
    """A lower-case phrase that names a plan, not describes one ("appropriate programmes", "his second report",
    "staff training programme" are descriptions)."""
    from extract.governance.plans import _GENERIC_LOWER, _GENERIC_MOD, _VERBISH
    if _DUTY_PLANS.match(name):
        return True
    words = name.split()
    mods = [w for w in words[:-1] if w.lower() not in ("and", "&")]
    if words[-1].lower().startswith("report") or any(w.lower() in ("his", "her", "my", "appropriate", "detailed",
                                                                    "clear", "coherent", "follow", "up", "based") for w in mods):
        return False
    return any(w.lower() not in _GENERIC_LOWER | _GENERIC_MOD | _VERBISH and not re.search(r"(?:ed|ly)$", w.lower())
               for w in mods) and not all(w.lower() in _GENERIC_MOD for w in mods)


def note_plan(rel: Rel, plans: PlanSet | None, name: str, line: int) -> None:
    """A plan first met as the object of develop / publish / implement: a plan fact of its own."""
    from extract.governance.plans import kind_of
    from extract.records import Fact
    if plans is None or plans.find(name) is not None or len(name.split()) < 2 or not _plan_like(name):
        return
    plans.add(name, name.split()[-1], line, name, 0.5)
    rel.plan_facts.append(Fact("plan", {"name": name, "kind": kind_of(name), "variants": [name], "period": None},
                               line, name, confidence=0.5))


# ----------------------------------------------------------------------------- labels and duty lists
#: "Report to X" on a cover sheet says where the paper goes, not how a body reports: not a label here
_LABEL = re.compile(r"^\s*(?P<label>accountable\s+to|reports\s+to|reporting\s+to|accountability)\s*:?\s*(?P<value>.*)$",
                    re.IGNORECASE)
_DUTIES = re.compile(r"\b(?:responsibilities|duties|functions|tasks|role)\b[^:]{0,80}?(?:are|is|include|will\s+be)?\s*"
                     r"(?:to)?\s*:\s*$", re.IGNORECASE)
_NOUN_VERB = [(r"development\s+and\s+implementation(?:\s+of)?", "develop and implement"),
              (r"development\s+and\s+delivery(?:\s+of)?", "develop and deliver"),
              (r"development(?:\s+of)?", "develop"), (r"implementation(?:\s+of)?", "implement"),
              (r"delivery(?:\s+of)?", "deliver"), (r"preparation(?:\s+of)?", "prepare"),
              (r"publication(?:\s+of)?", "publish"), (r"oversight(?:\s+of)?", "oversee")]


def _spokes(rel: Rel, blocks: list) -> None:
    """'oversees the five Violence Reduction Units (VRUs)' and, further on, 'The five VRU local authority areas
    are:' with a list of areas: one relation to each area's unit ("Kingsport Violence Reduction Unit")."""
    from extract.governance.common import clean
    text = rel.doc_text
    for f in list(rel.facts):
        obj = f.fields["object"]
        if f.fields["relation"] not in ("oversees", "part_of") or not re.search(rf"\b(?:{HEADS})s$", obj):
            continue
        acr = re.search(rf"{re.escape(obj)}\s*\((?P<a>[A-Z]{{2,6}})s\)", text)
        keys = [obj.lower()] + ([acr.group("a").lower()] if acr else [])
        for k, b in enumerate(blocks):
            lead = clean(b.text)
            if not (lead.endswith(":") and re.search(r"\bareas?\b", lead, re.I)
                    and any(re.search(rf"\b{re.escape(key)}\b", lead.lower()) for key in keys)):
                continue
            items = []
            for nb in blocks[k + 1:k + 15]:
                if nb.kind != "list_item":
                    break
                item = re.sub(r"^\W*|\s*\([^)]*\)\s*$", "", clean(nb.text)).strip()
                if item and len(item.split()) <= 6 and item[:1].isupper():
                    items.append((nb.line, item))
            if len(items) >= 2:
                rel.facts.remove(f)
                for line, item in items:
                    rel.add(f.fields["subject"], f.fields["relation"], f"{item} {obj[:-1]}", line, item, 0.5,
                            subject_is_org=True, object_is_org=True)
                break


def read_blocks(rel: Rel, topic: Topic, blocks: list, plans: PlanSet | None) -> None:
    """Label lines ("Accountable to" and the bodies on the next line) and duty lists ("The main
    responsibilities of the X are:" and the items after it, each read as "X <item>")."""
    from extract.governance.common import clean
    for k, b in enumerate(blocks):
        text = clean(b.text)
        lab = _LABEL.match(text)
        if lab and topic.main and len(text) < 200:
            value, line = lab.group("value"), b.line
            if not value and k + 1 < len(blocks):
                value, line = clean(blocks[k + 1].text), blocks[k + 1].line
            relation = upward_relation(lab.group("label").lower(), "account")
            value = COMPOUND_AND.sub(lambda c: c.group(0).replace(" and ", " AND_ ").replace(" & ", " AMP_ "), value)
            for part in re.split(r"\s+(?:and|&)\s+|\s*,\s*", value):
                part = part.replace(" AND_ ", " and ").replace(" AMP_ ", " & ")
                part = re.sub(r"^(?:the\s+)", "", part.strip(" ."), flags=re.IGNORECASE)
                if part and (body_at(part) == part or _POST.search(part) and part[:1].isupper() and len(part.split()) <= 6):
                    is_body = body_at(part) == part
                    rel.add(topic.main, relation, part, line, part, 0.6, subject_is_org=True, object_is_org=is_body,
                            object_kind=None if is_body else "post")
            continue
        if b.kind not in ("paragraph", "list_item", "heading") or not _DUTIES.search(text):
            continue
        owner = re.search(rf"\bof\s+(?:the\s+)?({_WORD}{_RUN_TAIL})\s+(?:are|is|include|will)|({_WORD}{_RUN_TAIL})['’]s\s+", text)
        subj = named_body((owner.group(1) or owner.group(2))) if owner else None
        subj = subj or topic.main
        if not subj:
            continue
        for nb in blocks[k + 1:k + 15]:
            item = clean(nb.text)
            if nb.kind != "list_item":
                break
            item = re.sub(r"^\W*(?:\(?[a-z0-9]{1,3}[.)]\s+)?", "", item)
            item = re.sub(r"^(?:to\s+)?(?:the\s+)?", "", item, flags=re.IGNORECASE)
            for pat, verb in _NOUN_VERB:
                if re.match(pat, item, re.IGNORECASE):
                    item = re.sub(rf"^{pat}", verb, item, flags=re.IGNORECASE)
                    break
            relate(rel, topic, f"{subj} will {item}", nb.line, plans)
    _spokes(rel, blocks)
