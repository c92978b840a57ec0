"""People in prose and the posts they hold.

Rules find: titled mentions ("Cllr Doe", "Dr Jane Doe", "Mayor Doe"), speakers
("Jane Doe said/asked/reported...", "<p>Jane Doe:</p>"), agenda presenters
("(Jane Doe)", "(Jane Doe - Anytown Healthwatch)"), "Name, Post" and "Post (Name)"
signatures and report covers ("Report author Jane Doe, Policy Officer"). The spaCy
model adds untitled names the rules miss (extract.people.model_mentions). Mentions go to
`context.shared.person_mentions` for the resolution pass; posts become `position` facts.
"""
from __future__ import annotations

import re

from extract.names import (PersonName, clean_text, looks_like_name, parse_person, split_name_post, is_name_token, TITLES, POST_WORDS, FORENAMES, compact)
from extract.organisations import split_post, _LEAD_POST
from extract.people import posts
from extract.people.common import listing_date, quote
from extract.people.members import listing_body
from extract.pipeline import Context, register
from extract.records import Document, Fact

_NAME = r"(?:Mc[A-Z][a-z]+|Mac[A-Z][a-z]+|O['’][A-Z][a-z]+|D['’][A-Z][a-z]+|[A-Z][a-zà-ÿ]+(?:[-'’](?:Mc|Mac)?[A-Z]?[a-zà-ÿ]+)?)(?![\w'’-])"
_FULL = rf"{_NAME}(?:\s+(?:Mc|Mac|de|van|von|le|da|di)?\s?{_NAME}){{1,2}}"
_TITLE_ALT = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in sorted(
    [t for t in TITLES if t not in ("Mr", "Mrs", "Ms", "Miss", "Mx", "Lady", "Lord", "Inspector", "Commander")],
    key=len, reverse=True))
TITLED = re.compile(rf"(?<![\w])(?P<title>(?:{_TITLE_ALT}|Mr|Mrs|Ms|Miss|Mx)\.?)\s+(?P<name>{_NAME}(?:\s+{_NAME}){{0,2}})")
SPEECH = (r"said|asked|reported|introduced|explained|noted|thanked|presented|gave|stated|confirmed|added|responded|"
          r"commented|highlighted|agreed|welcomed|raised|told|clarified|suggested|updated|provided|outlined|"
          r"queried|replied|informed|emphasised|emphasized|stressed|proposed|expressed|acknowledged|described|"
          r"advised|invited|summarised|summarized|spoke|talked|referred|answered|undertook|to\s+circulate")
SPEAKER = re.compile(rf"(?<![\w-])(?P<name>{_FULL})\s+(?:{SPEECH})\b")
COLON_SPEAKER = re.compile(rf"^\s*(?:<[^>]+>\s*)*(?:initial response\s*[-–:]?\s*(?:from\s+)?)?(?P<name>{_FULL})\s*(?:,\s*(?P<post>[^:<]{{2,90}}))?:\s*(?:</[^>]+>)?\s*$",
                           re.IGNORECASE)
PRESENTER = re.compile(rf"\((?P<name>{_FULL})(?:\s*[-–,]\s*(?P<post>[^()]{{2,90}}))?\)")
NAME_COMMA_POST = re.compile(rf"(?<![\w-])(?P<name>{_FULL}),\s+(?:the\s+)?(?P<post>(?:[A-Z][\w&'’-]*\s+){{0,4}}"
                             rf"(?:Director|Head|Manager|Officer|Chair|Chief Executive|CEO|Lead|Consultant|Adviser|Advisor|"
                             rf"Member|Representative|Principal|Coordinator|Co-ordinator|Specialist|Commissioner|Secretary|"
                             rf"Nurse|Clerk|Planner|Analyst|Engineer|Champion|Instructor|Connector|Worker)\b[^.;()<]{{0,100}})")
BY_NAME = re.compile(rf"\b(?:by|from|with|thanked|welcomed|to)\s+(?P<name>{_FULL})(?=\s*(?:[,.;:)]|\s+(?:and|at|of|for|who|as|on)\b|$))")
POST_NAME = re.compile(r"(?P<post>(?:[A-Z][\w’'/&-]*\s+){1,6}(?:of|for|to)?\s*[\w’'/&, -]{0,80}?)\s*\((?P<name>[A-Z][^()]{3,40})\)")
COVER = re.compile(r"^(?:report\s+)?(?:author|contact|lead officer|report author|group director|director|corporate director|"
                   r"strategic director|lead member|cabinet member|officer)s?\s*[:\t]?\s+(?P<rest>.+)$", re.IGNORECASE)

_BAD_FIRST = {"The", "This", "That", "These", "Those", "There", "Their", "It", "We", "Our", "They", "He", "She", "In",
              "On", "At", "For", "And", "But", "If", "As", "All", "Any", "Each", "New", "North", "South", "East", "West",
              "Health", "Public", "City", "Council", "Board", "Group", "Cabinet", "Chief", "Director", "Head",
              "Mental", "Young", "Community", "Children", "Adult", "Adults", "Social", "Primary", "Local", "National",
              "London", "Borough", "Key", "Action", "Actions", "Item", "Agenda", "Minutes", "Report",
              "Strategy", "Plan", "Policy", "Following", "Further", "Members", "Member", "Officers", "Partners",
              "Black", "White", "Asian", "British", "Safer", "Better", "Good", "High", "Low", "Early", "Further",
              "Strategic", "Integrated", "Clinical", "Violence", "Domestic", "Serious", "Youth", "Place", "Whole",
              "Joint", "Annual", "Quarterly", "Monthly", "Weekly", "Mayor", "Deputy", "Councillor", "Cllr", "Dr",
              "Community", "Voluntary", "Covid", "Coronavirus", "Vaccine", "Lead", "Leads", "Outcome", "Outcomes"}


#: "Clerk’s Salary", "Chair’s Report": something of a post-holder, not a post ("the Commissioner’s Finance
#: Officer" is a post)
_OF_A_POST = re.compile(r"^\W*(?:[\w-]+\s+){0,2}" + posts.POST_NOUN.pattern + r"['’]s\s+(?!" +
                        posts.POST_NOUN.pattern + ")")


def _ok(name: str) -> bool:
    words = name.split()
    if not words or words[0] in _BAD_FIRST:
        return False
    return looks_like_name(name)


@register("govgraph.people_prose.v1", order=40,
          reads=("lines", "blocks", "meetings", "membership", "attendance", "change", "position"),
          writes=("position", "person_mentions"))
def extract_prose_people(doc: Document, context: Context):
    mentions: list[dict] = []
    facts: list[Fact] = []
    firsts = {compact(str(f.fields.get("person")).split()[0]) for f in context.facts
              if f.type in ("membership", "attendance") and f.fields.get("person")}

    def plausible(person: PersonName) -> bool:
        first = compact(person.name.split()[0])
        return bool(person.titles) or first in FORENAMES or first in firsts

    def mention(person: PersonName, line: int, source: str, post: str | None = None, org: str | None = None):
        if source not in ("cover", "pretrained_ner") and not plausible(person):
            return
        mentions.append({"name": person.name, "surface": person.surface, "titles": person.titles, "line": line,
                         "source": source, "post": post, "org": org})

    def known(person: PersonName, post: str | None) -> bool:
        """A post already recorded for the person (by a list extractor or an earlier rule)."""
        words = {w.lower() for w in re.findall(r"\w{3,}", post or "") or re.findall(r"\w+", post or "")}  # "MP"
        for f in list(context.facts) + facts:
            if f.type == "position" and f.fields.get("person") == person.name:
                have = {w.lower() for w in re.findall(r"\w{3,}", f.fields.get("post") or "")}
                if not words or (have and len(words & have) * 2 >= min(len(words), len(have))):
                    return True
        return False

    def position(person: PersonName, line: int, post_text: str, raw: str, strong: bool = False, once: bool = False,
                 exact: bool = False):
        if len(raw) > 300:
            post_text = posts.clean_post(post_text)  # a run-on list: the post ends where the next entry begins
        post_text = re.split(r"\s+(?:on|or|at|tel|email)\s+[\d\[]|\s+(?:email|tel)[:\s]|,\s+(?=[a-z])|\s+[–:]\s+|\s+-\s+(?=[A-Z][a-z]+ [A-Z][a-z]+:)",
                             post_text)[0]
        if re.match(r"(?i)\s*(?:tel|email|phone|mob)\b|\s*[\d(+]", post_text):
            return None, None  # "Contact: Jane Doe Tel: 01632 ...": a phone number, no post
        if re.search(r"[£$€]\s?\d|\b(?:Chq|Cheque|Invoice)\b", post_text) or _OF_A_POST.match(post_text):
            return None, None  # "Jane Doe, Clerk’s Salary, Chq No 12 £450": a payment, no post
        if re.match(r"\s*(?:of|for|and|to|in)\s", post_text):
            return None, None  # a post cut in the middle ("... Director, of Children’s Services")
        post, org = (post_text, None) if exact else split_post(post_text)  # a rank or "MLA" is a post as printed
        if not strong and not plausible(person):
            return None, None
        if once and post and not org and posts.ROLE_ONLY.match(post) or \
                posts.chairs_own_body(post, listing_body(context, line, None)):
            return post, org  # "(Chair)", "Co-opted Member", "Chair of the Board": a role on the body (membership), not a post
        if post and not re.search(r"[A-Za-z]{3}", post) and post not in ("MP", "MS") or (once and known(person, post)):
            return post, org  # "Tel: 01632 ..." is no post
        if post or org:
            facts.append(Fact("position", {"person": person.name, "post": post, "organisation": org,
                                           "as_of": listing_date(context, line), "surface": person.surface},
                              line=line, quote=quote(clean_text(raw))))
        return post, org

    def _titled_row(cells: list[str], number: int, raw: str) -> None:
        """"| Mr A Doe | AD | Director of Finance |": a titled name, its initials or a short code, then its post."""
        person = parse_person(cells[0])
        if person is None or not person.titles or not posts.ok_name(person.name) or len(person.name.split()) > 5:
            return
        for cell in cells[1:]:
            if len(cell) <= 5 or not posts.POST_NOUN.search(cell) or len(cell.split()) > 12:
                continue  # the initials column ("AD", "CEO", "Chair")
            position(person, number, cell, raw, strong=True, once=True)
            mention(person, number, "name_post")
            return

    for number, raw in enumerate(doc.lines, 1):
        if not raw.strip():
            continue
        text = re.sub(r"<[^>]+>", " ", raw).replace("**", "")
        text = re.sub(r"([a-z])- (?=[A-Z][a-z])", r"\1-", text)
        celled = text.replace("\t", " | ")  # a name never runs across table cells
        for m in TITLED.finditer(celled):
            title = m.group("title")
            name = m.group("name")
            words = name.split()
            # stop the name at a post word or a lowercase word
            keep = []
            for w in words:
                if not is_name_token(w) or w.lower() in POST_WORDS:
                    break
                keep.append(w)
            if not keep:
                continue
            if title.lower().startswith("mayor") and celled[max(0, m.start() - 7):m.start()].lower().endswith("deputy "):
                continue
            person = parse_person(f"{title} {' '.join(keep)}")
            if person and person.titles and person.name and person.name[0].isupper():
                mention(person, number, "titled")
        for pattern, source in ((SPEAKER, "speaker"), (BY_NAME, "prose")):
            for m in pattern.finditer(text):
                name = clean_text(m.group("name"))
                before = text[:m.start()].rstrip()
                if re.search(rf"(?:{_TITLE_ALT})\.?$", before, re.IGNORECASE):
                    continue
                if _ok(name):
                    person = parse_person(name)
                    if person:
                        mention(person, number, source)
        m = COLON_SPEAKER.match(text.strip())
        if m and _ok(clean_text(m.group("name"))):
            person = parse_person(m.group("name"))
            if person:
                post, org = (position(person, number, m.group("post"), raw) if m.group("post") else (None, None))
                mention(person, number, "speaker", post, org)
        for m in PRESENTER.finditer(text):
            name = clean_text(m.group("name"))
            if _ok(name):
                person = parse_person(name)
                if person:
                    post, org = position(person, number, m.group("post"), raw) if m.group("post") else (None, None)
                    mention(person, number, "presenter", post, org)
        for m in NAME_COMMA_POST.finditer(text):
            name = clean_text(m.group("name"))
            if _ok(name):
                person = parse_person(name)
                if person:
                    post, org = position(person, number, re.split(r"\s+and\s+(?=[A-Z][a-z]+\s+[A-Z])", m.group("post"))[0], raw)
                    mention(person, number, "name_post", post, org)
        for m in re.finditer(r"\((?P<name>[A-Z][^()]{3,40})\)", text):
            inner = parse_person(m.group("name"))
            if not inner or not _ok(inner.name):
                continue
            before = re.split(r"(?:[.:;>]\s|^)", text[:m.start()])[-1].strip()
            if not before or not _LEAD_POST.match(before) or re.search(r"\d", before) or len(before.split()) > 20:
                continue
            for part in re.split(r",\s+(?=(?:Chair|Director|Head|Manager|Officer|Lead|Group)\b)", before):
                position(inner, number, part, raw)
            mention(inner, number, "post_name")
        for finder in (posts.entries, posts.bracketed, posts.ranks, posts.civic, posts.suffixes):
            for printed, post_text, _ in finder(text):
                person = parse_person(printed)
                if person and person.name and not (finder is posts.civic and known(person, None)):
                    # a civic title adds a post only for someone with none printed yet (a rank or "MP" is a post of its own)
                    position(person, number, post_text, raw, strong=True, once=True, exact=finder not in (posts.entries, posts.bracketed))
                    mention(person, number, "name_post")
        m = COVER.match(clean_text(text.replace("\t", " ")))
        if m:
            rest = m.group("rest")
            person, post = split_name_post(rest)
            if person and _ok(person.name):
                position(person, number, post, raw, strong=True)
                mention(person, number, "cover")
        # a short line or cell that is a name and a post ("Jane Doe Chief Executive"), or a name alone
        # above a post line (contact blocks)
        cell_text = re.sub(r"<[^>]+>", "\t", raw)
        piped = cell_text.lstrip().startswith("|") or cell_text.count(" | ") >= 2
        if piped:
            cell_text = cell_text.replace("|", "\t")  # a markdown (or plain piped) table row
        cells = [clean_text(c) for c in cell_text.split("\t") if clean_text(c)]
        if piped and len(cells) >= 2:
            _titled_row(cells, number, raw)
        for cell in cells:
            if len(cell.split()) > 12:
                continue
            person, post = split_name_post(cell)
            if person is None or not _ok(person.name) or person.titles:
                continue
            if post and _LEAD_POST.match(post) and len(cells) <= 2:
                position(person, number, post, raw)
                mention(person, number, "name_post")
            elif not post and len(person.name.split()) in (2, 3) and number < len(doc.lines):
                nxt = next((clean_text(x) for x in doc.lines[number:number + 2] if x.strip()), "")
                if _LEAD_POST.match(nxt) and len(nxt.split()) <= 10 and len(cells) == 1:
                    position(person, number, nxt, raw)
                    mention(person, number, "name_post")
                elif piped and len(cells) > 1 and cell == cells[0] and _LEAD_POST.match(cells[1]):
                    # "Name | Role | Organisation" row: the next cells are the post and its organisation
                    position(person, number, ", ".join(cells[1:3]), raw, strong=True)
                    mention(person, number, "name_post")
                elif len(cells) > 1:
                    mention(person, number, "cell")
            elif post.startswith("(") and len(cells) > 1:
                mention(person, number, "cell")
    context.shared.person_mentions = mentions
    yield from facts
