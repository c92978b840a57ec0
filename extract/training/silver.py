"""Silver training lines for the NER: invented people, posts and organisations in many layouts.

Every line is built from a layout template whose slots are filled with invented names (Faker's
person and place providers, MIT licence), so the character offsets of each PERSON, POST and ORG
span are known exactly. Titles ("Cllr", "Dr"), honours ("OBE"), a leading "the" and role
suffixes ("(Chair)") stay outside the spans, as the answer keys print names without them.

`examples(n, seed, split)` gives n lines; the held-out splits draw surnames and places from the
quarter of the name space (by a stable hash) that training never sees, and "held_layouts" also
uses templates training never sees.
"""
from __future__ import annotations

import random
import re
import zlib
from dataclasses import dataclass, field
from functools import lru_cache

LABELS = ("PERSON", "POST", "ORG")
Span = tuple[int, int, str]


@dataclass
class Line:
    """One silver line and its labelled character spans (start, end, label), sorted and disjoint."""
    text: str
    spans: list[Span] = field(default_factory=list)


Piece = tuple[str, str | None]  # (text, label or None)

LOCALES = ["en_GB"] * 6 + ["en_IE", "en_IN", "yo_NG", "pl_PL", "it_IT", "tr_TR", "pt_PT", "es_ES",
           "fr_FR", "de_DE", "zu_ZA", "tw_GH", "en_US"]
TITLES = ["Cllr", "Councillor", "Dr", "Mr", "Mrs", "Ms", "Miss", "Professor", "Prof.", "Dr.", "Mr.", "Rev.",
          "Mayor", "Deputy Mayor", "Sir", "Dame", "Superintendent", "Chief Inspector"]
HONOURS = ["OBE", "MBE", "CBE", "JP", "MP", "DL"]
ROLES = ["(Chair)", "(Vice-Chair)", "(Vice Chair)", "(Co-Chair)", "(Deputy Chair)", "(substitute)",
         "(Co-opted Member)", "(Independent Member)", "(online)", "(virtual)", "(from item 4)", "(until 7.15pm)"]
PLACE_ENDS = ["ford", "ham", "bury", "ton", "field", "wick", "mouth", "borough", "minster", "dale", "stead", "worth",
              "ley", "by", "chester", " Vale", " Heath", " Fen", "-on-Sea", " Valley", " Downs"]
COMPASS = ["North ", "South ", "East ", "West ", "Mid ", "Greater "]
AREAS = ["Public Health", "Adult Social Care", "Children's Services", "Housing", "Finance", "Environment",
         "Community Safety", "Education", "Commissioning", "Strategy and Policy", "Regeneration", "Neighbourhoods",
         "Legal Services", "Transformation", "Integrated Care", "Prevention", "Culture and Leisure", "Planning",
         "Health and Wellbeing", "Safeguarding", "Early Help", "Climate Action", "Customer Services", "Partnerships",
         "Adults, Health and Communities", "Children and Families", "Resources", "Place", "Public Protection",
         "Inclusive Economy", "Mental Health", "Primary Care", "Quality and Performance", "Workforce"]
POST_FORMS = ["Director of {a}", "Corporate Director of {a}", "Strategic Director, {a}", "Assistant Director of {a}",
              "Assistant Director, {a}", "Head of {a}", "{a} Manager", "Service Manager, {a}", "Lead Officer for {a}",
              "Cabinet Member for {a}", "Lead Member for {a}", "Executive Member for {a}", "Interim Director of {a}",
              "Deputy Director of {a}", "{a} Lead", "Senior {a} Officer", "Programme Manager, {a}",
              "Consultant in {a}", "Strategic Lead for {a}"]
FIXED_POSTS = ["Chief Executive", "Chief Operating Officer", "Chief Nurse", "Medical Director", "Director of Public Health",
               "Consultant in Public Health", "Public Health Registrar", "Policy Officer", "Senior Policy Officer",
               "Democratic Services Officer", "Committee Clerk", "Governance Officer", "Chief Superintendent",
               "Borough Commander", "Station Manager", "Group Manager", "Commissioning Manager", "Principal Social Worker",
               "Clinical Lead", "Deputy Chief Executive", "Monitoring Officer", "Section 151 Officer",
               "Healthwatch Manager", "Chief Finance Officer", "Director of Nursing", "Scrutiny Officer",
               "Head of Democratic Services", "Community Engagement Officer", "Safeguarding Lead", "GP Partner",
               "Clinical Director", "Chief Fire Officer", "Area Manager", "Detective Inspector", "Headteacher"]
ORG_FORMS = ["{p} NHS Foundation Trust", "{p} University Hospitals NHS Trust", "{p} and {q} NHS Foundation Trust",
             "{p} Fire and Rescue Service", "{p} Police", "{p} Constabulary", "{p} City Council", "{p} County Council",
             "{p} Borough Council", "{p} District Council", "London Borough of {p}", "{p} Council", "Healthwatch {p}",
             "{p} CVS", "{p} Council for Voluntary Service", "{p} Integrated Care Board", "NHS {p} Integrated Care Board",
             "NHS {p} Clinical Commissioning Group", "{p} Housing Association", "{p} Homes", "{p} College",
             "University of {p}", "{p} Community Safety Partnership", "{p} Safeguarding Children Partnership",
             "{p} Youth Justice Service", "{p} Probation Service", "Citizens Advice {p}", "Age UK {p}", "{p} Mind",
             "{p} Chamber of Commerce", "{p} Ambulance Service NHS Trust", "{p} Children's Trust", "{p} Leisure Trust",
             "{s} Housing Trust", "{p} Primary Care Network", "{p} GP Federation", "{p} Mental Health Partnership",
             "{p} and {q} Integrated Care System", "{p} Voluntary Action", "{p} Carers Centre", "{p} Youth Service",
             "{p} Community Health Services", "{p} Academy Trust", "{s} Foundation", "{p} Racial Equality Council"]
BODY_FORMS = ["{p} Health and Wellbeing Board", "Health and Wellbeing Board", "Overview and Scrutiny Committee",
              "{a} Scrutiny Commission", "{a} Scrutiny Panel", "Safeguarding Adults Board", "Licensing Sub-Committee",
              "Planning Committee", "Audit and Governance Committee", "{p} Safer Communities Partnership Board",
              "{a} Policy and Performance Committee", "{p} Area Committee", "Corporate Parenting Panel",
              "{a} Partnership Board", "{p} Local Outbreak Engagement Board", "Schools Forum", "Standards Committee",
              "{p} Place Partnership Board", "Joint Health Overview and Scrutiny Committee", "{a} Steering Group"]
TOPICS = ["Joint Health and Wellbeing Strategy", "Better Care Fund", "Annual Report 2023/24", "Declarations of Interest",
          "Minutes of the Previous Meeting", "Any Other Business", "Date of Next Meeting", "Public Questions",
          "Exclusion of the Press and Public", "Work Programme", "Forward Plan", "Budget Monitoring Report Quarter 2",
          "Suicide Prevention Action Plan", "Pharmaceutical Needs Assessment", "Joint Strategic Needs Assessment",
          "Housing Strategy 2025-2030", "Terms of Reference", "{p} Local Plan", "{a} Strategy", "{a} Action Plan",
          "{a} Update", "{a} Performance Report", "Risk Register", "Matters Arising", "Urgent Business",
          "Health Inequalities Framework", "Winter Pressures Update", "Apologies for Absence", "Chair's Announcements"]
PROJECTS = ["{a} Transformation Programme", "{p} Pathway Pilot", "Social Prescribing Scheme", "Healthy Homes Project",
            "Community Champions Programme", "{a} Innovation Fund", "Warm Spaces Network", "{p} Youth Voice Survey",
            "Making Every Contact Count", "Family Hubs Programme", "{a} Review", "Covid-19 Recovery Plan",
            "{p} Neighbourhood Model", "Child Friendly {p}", "Active Travel Scheme", "{a} Dashboard"]
ROLEWORDS = ["Chair", "Vice-Chair", "Chairperson", "Vice Chair", "Member", "Associate", "Co-opted Member", "Observer",
             "Independent Member", "Substitute"]
TOWN_WORDS = ["Street", "Road", "Lane", "Park", "Green", "Hall", "Centre", "House", "Square"]

# Slots: {P} a person, titled or not; {C} a councillor; {N} a full name, no title; {POST}; {ORG};
# {BODY} a committee or board; {TOPIC} an agenda item or plan (not an entity); {PLIST} a list of people
# with roles; {CLIST} "Councillors A, B and C"; {DATE}; {TIME}; {NUM}; {VENUE}; and, never entities,
# {AREA} a service area, {PLACE} a bare place, {PROJECT} a programme, {ROLEWORD} a role after a name.
TRAIN_TEMPLATES = [
    "Present: {PLIST}",
    "PRESENT: {PLIST}",
    "Members present: {PLIST}",
    "Present: {CLIST}",
    "Apologies were received from {P} and {P}.",
    "Apologies for absence were received from {P}, {P} and {P}.",
    "Apologies: {PLIST}",
    "Apologies for absence: {P} ({ORG}), {P} ({POST})",
    "In attendance: {P} ({POST}), {P} ({POST}, {ORG})",
    "Officers in attendance: {N} – {POST}; {N} – {POST}",
    "Also present: {P}, {ORG}",
    "Also in attendance: {N} ({ORG}) and {N} ({ORG})",
    "{C} in the Chair",
    "{C} (Chair)",
    "Absent: {P}",
    "{N} | {POST} | {ORG}",
    "| {N} | {POST} | {ORG} |",
    "{P} | {ORG} | Present",
    "{N}, {POST}, {ORG}",
    "{N} - {POST}",
    "{N} – {POST}, {ORG}",
    "{POST}: {N}",
    "{POST} ({N})",
    "Report author: {N}, {POST}",
    "Contact officer: {N}, {POST}, {ORG}, tel 01632 {NUM}",
    "Lead officer: {N}, {POST}",
    "Membership: {P} ({ORG}); {P} ({ORG}); {P} ({POST})",
    "The Board welcomed {N}, the new {POST} at {ORG}.",
    "{P} ({ORG}) presented the report.",
    "{C} asked whether {ORG} had been consulted on the proposals.",
    "{N}, {POST}, {ORG}, gave an update on the {TOPIC}.",
    "RESOLVED: that {ORG} be asked to report back to the {BODY} in {MONTH}.",
    "The {POST} reported that the {TOPIC} was on track.",
    "{ORG} has appointed {N} as its {POST}.",
    "Item {NUM2} – {TOPIC} ({N}, {ORG})",
    "{NUM2}. {TOPIC}",
    "{TOPIC}",
    "The {BODY} noted the {TOPIC}.",
    "Members of the {BODY} agreed the {TOPIC}.",
    "{P} said that {ORG} would lead the work with {ORG}.",
    "The Chair thanked {P} for attending and welcomed {P} to the {BODY}.",
    "{P} declared an interest as a trustee of {ORG}.",
    "Minutes of the meeting of the {BODY} held on {DATE} at {VENUE}",
    "{P} joined the meeting at {TIME}.",
    "{P} left the meeting during item {NUM2}.",
    "Action: {N} to circulate the data from {ORG} to members.",
    "It was noted that {N} had stepped down as {POST} and that {N} would take up the post.",
    "The {BODY} is chaired by {C} and reports to the {BODY}.",
    "{ORG} representative: {N}",
    "Chair: {C}   Vice-Chair: {C}",
    "Substitutes: {C} for {C}",
    "{C} substituted for {C}.",
    "Dear {P}, thank you for your letter on behalf of {ORG}.",
    "Councillor {SURNAME} moved and Councillor {SURNAME} seconded the motion.",
    "The meeting closed at {TIME}.",
    "{ORG} and {ORG} will jointly commission the service from {MONTH}.",
    # running prose full of capitalised words that name no person or body: the model must leave them alone
    "The {TOPIC} and the {TOPIC} were discussed with reference to {AREA} in {PLACE}.",
    "Members asked how the {TOPIC} would support {AREA} and the {PROJECT}.",
    "{ORG}'s {TOPIC} was noted, and the {PROJECT} will report in {MONTH}.",
    "The {AREA} Team and the {PROJECT} have improved outcomes for residents of {PLACE}.",
    "Update on the {PROJECT} ({AREA})",
    "Following the {TOPIC}, {AREA} Services in {PLACE} will be reviewed.",
    "{P} {ROLEWORD}",
    # table rows flattened without separators: the name stops where the post begins
    "{N} {POST} {ORG}",
    "{N} {POST}",
    "{N} {POST} {N} {POST} {N} {POST}",
    "{N} {POST}, {ORG} {N} {POST}, {ORG}",
    "{P}, {ROLEWORD}, {ORG}",
    "The {POST} will present the {TOPIC} to the {BODY}'s next meeting.",
]
HELD_TEMPLATES = [
    "Attendees: {PLIST}",
    "Sent apologies: {P}; {P}",
    "{N} ({POST}, {ORG}) introduced the item.",
    "Officers: {N}, {POST} and {N}, {POST}",
    "{N} / {POST} / {ORG}",
    "The {POST} at {ORG}, {N}, outlined the findings.",
    "Also attending: {CLIST}",
    "{C} chaired the meeting; {P} of {ORG} took notes.",
]


@lru_cache(maxsize=None)
def _fakers() -> dict[str, object]:
    from faker import Faker

    return {loc: Faker(loc) for loc in sorted(set(LOCALES))}  # sorted: the same draws in every process


def _half(word: str, split: str) -> bool:
    """Train and held-out names come from disjoint halves of the name space."""
    held = zlib.crc32(word.lower().encode()) % 4 == 0
    return held == (split != "train")


class _Gen:
    def __init__(self, rng: random.Random, split: str, extra_names: list[str] | None = None):
        self.rng, self.split = rng, split
        self.extra = [n for n in (extra_names or []) if _half(n.split()[-1], split)]
        for f in _fakers().values():
            f.seed_instance(rng.randrange(1 << 30))

    def _faker(self):
        return _fakers()[self.rng.choice(LOCALES)]

    def surname(self) -> str:
        """A one-word surname from this split's part of the name space."""
        while True:
            s = self._faker().last_name()
            if re.fullmatch(r"[^\W\d_][\w'’-]*", s) and _half(s, self.split):
                return s

    def forename(self) -> str:
        return self._faker().first_name().split()[0]

    def full_name(self) -> str:
        r = self.rng.random()
        if self.extra and r < 0.05:
            return self.rng.choice(self.extra)
        first, last = self.forename(), self.surname()
        if r < 0.55:
            return f"{first} {last}"
        if r < 0.63:
            return f"{first} {self.forename()} {last}"
        if r < 0.72:
            return f"{first[0]} {last}"
        if r < 0.78:
            return f"{first[0]}. {last}"
        if r < 0.83:
            return f"{first[0]} {self.forename()[0]} {last}"
        if r < 0.90:
            return f"{first} {last}-{self.surname().split()[-1]}"
        if r < 0.95:
            return f"{first} {last.upper()}"
        return f"{first} {self.rng.choice(['Mc', 'Mac', 'O’', 'O'])}{last}"

    def person(self, title: str | None = None) -> list[Piece]:
        """A name, maybe with a title before it and honours after it (outside the span)."""
        rng = self.rng
        title = title if title is not None else (rng.choice(TITLES) if rng.random() < 0.45 else "")
        name = self.full_name()
        if title and rng.random() < 0.2:
            name = self.surname()  # "Cllr Okafor"
        pieces: list[Piece] = [(f"{title} ", None)] if title else []
        pieces.append((name, "PERSON"))
        if rng.random() < 0.06:
            pieces.append((f" {rng.choice(HONOURS)}", None))
        return pieces

    def place(self) -> str:
        rng = self.rng
        r = rng.random()
        if r < 0.5:
            base = self.surname().split()[-1].replace("-", "")
            base = base + rng.choice(PLACE_ENDS) if not base[-1] in "aeiouy" or rng.random() < 0.5 else base
        else:
            base = _fakers()["en_GB"].city()
            if not _half(base.split()[-1], self.split):
                base = self.surname().split()[-1] + rng.choice(PLACE_ENDS)
        if rng.random() < 0.12:
            base = rng.choice(COMPASS) + base
        return base

    def org(self) -> list[Piece]:
        form = self.rng.choice(ORG_FORMS)
        name = form.format(p=self.place(), q=self.place(), s=self.surname())
        pieces: list[Piece] = [("the ", None)] if self.rng.random() < 0.15 and not name.startswith("NHS") else []
        pieces.append((name, "ORG"))
        if self.rng.random() < 0.1:
            acronym = "".join(w[0] for w in name.split() if w[0].isupper())
            if len(acronym) >= 2:
                pieces.append((f" ({acronym})", None))
        return pieces

    def body(self) -> list[Piece]:
        return [(self.rng.choice(BODY_FORMS).format(p=self.place(), a=self.rng.choice(AREAS)), "ORG")]

    def post(self) -> list[Piece]:
        if self.rng.random() < 0.5:
            return [(self.rng.choice(FIXED_POSTS), "POST")]
        return [(self.rng.choice(POST_FORMS).format(a=self.rng.choice(AREAS)), "POST")]

    def topic(self) -> list[Piece]:
        return [(self.rng.choice(TOPICS).format(p=self.place(), a=self.rng.choice(AREAS)), None)]

    def plist(self) -> list[Piece]:
        rng = self.rng
        out: list[Piece] = []
        n = rng.randint(2, 7)
        sep = rng.choice([", ", "; ", ", "])
        for i in range(n):
            if i:
                out.append((" and " if i == n - 1 and rng.random() < 0.5 else sep, None))
            out.extend(self.person())
            if rng.random() < 0.2:
                out.append((f" {rng.choice(ROLES)}", None))
            elif rng.random() < 0.1:
                out.append((" (", None))
                out.extend(self.org())
                out.append((")", None))
        return out

    def clist(self) -> list[Piece]:
        rng = self.rng
        out: list[Piece] = [(rng.choice(["Councillors ", "Cllrs ", "Councillors: "]), None)]
        n = rng.randint(2, 8)
        for i in range(n):
            if i:
                out.append((" and " if i == n - 1 else ", ", None))
            out.append((self.full_name() if rng.random() < 0.7 else self.surname(), "PERSON"))
            if rng.random() < 0.1:
                out.append((f" {rng.choice(ROLES)}", None))
        return out

    def slot(self, name: str) -> list[Piece]:
        rng = self.rng
        if name == "P":
            return self.person()
        if name == "C":
            return self.person(rng.choice(["Cllr", "Councillor", "Cllr.", "Mayor"]))
        if name == "N":
            return self.person("")
        if name == "SURNAME":
            return [(self.surname(), "PERSON")]
        if name == "POST":
            return self.post()
        if name == "ORG":
            return self.org()
        if name == "BODY":
            return self.body()
        if name == "TOPIC":
            return self.topic()
        if name == "PLIST":
            return self.plist()
        if name == "CLIST":
            return self.clist()
        if name == "DATE":
            return [(f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(2019, 2026)}", None)]
        if name == "MONTH":
            return [(rng.choice(MONTHS), None)]
        if name == "TIME":
            return [(f"{rng.randint(1, 9)}.{rng.choice(['00', '15', '30', '45'])}pm", None)]
        if name == "NUM":
            return [(f"{rng.randint(100000, 999999)}", None)]
        if name == "NUM2":
            return [(str(rng.randint(1, 14)), None)]
        if name == "AREA":
            return [(rng.choice(AREAS), None)]
        if name == "PLACE":
            return [(self.place(), None)]
        if name == "PROJECT":
            return [(rng.choice(PROJECTS).format(p=self.place(), a=rng.choice(AREAS)), None)]
        if name == "ROLEWORD":
            return [(rng.choice(ROLEWORDS), None)]
        if name == "VENUE":
            return [(f"{self.surname()} {rng.choice(TOWN_WORDS)}, {self.place()}", None)]
        raise KeyError(name)


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
_SLOT = re.compile(r"\{(\w+)\}")


def render(template: str, gen: _Gen) -> Line:
    """Fill a template's slots; the spans are the labelled pieces' offsets."""
    text, spans, pos = [], [], 0
    for i, part in enumerate(_SLOT.split(template)):
        pieces = gen.slot(part) if i % 2 else [(part, None)]
        for piece, label in pieces:
            if label:
                spans.append((pos, pos + len(piece), label))
            text.append(piece)
            pos += len(piece)
    return Line("".join(text), spans)


SPLITS = ("train", "held", "held_layouts")


def examples(n: int, seed: int = 7, split: str = "train", extra_names: list[str] | None = None) -> list[Line]:
    """n silver lines. split "train": training layouts and names; "held": the training layouts with names
    and places training never sees; "held_layouts": unseen names in layouts training never sees."""
    if split not in SPLITS:
        raise ValueError(f"split must be one of {SPLITS}")
    rng = random.Random(f"{seed}-{split}")
    gen = _Gen(rng, split, extra_names)
    templates = HELD_TEMPLATES if split == "held_layouts" else TRAIN_TEMPLATES
    return [render(rng.choice(templates), gen) for _ in range(n)]
