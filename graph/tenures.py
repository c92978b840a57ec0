"""Membership over time, from a stream of dated listings.

A paper only proves that someone was listed on its date. From the dated listings
of each body (and changes stated in minutes) this module derives tenures and
answers "who was a member on D" with yes / no / unknown, never a guess:

- yes: listed in a paper of that date, or listed in the last listing before D
  and in the first listing after it, or a stated start before D with no end;
- no: absent from both the listing before D and the one after it (and nothing
  stated), or a stated end before D;
- unknown: everything else (before the first listing, after the last one, or
  listed on one side of D only).

Pure functions over plain rows; `graph.store` feeds them and writes the result
as a derived graph.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

#: membership roles that count as sitting on the body (vacancy rows do not)
ROLES = ("chair", "co-chair", "vice-chair", "member", "independent adviser", "additional attendee", "adviser",
         "officer")


@dataclass(frozen=True, slots=True)
class Listing:
    """One membership fact: `person` listed on `body` in `role` by a paper dated `as_of`."""

    person: str
    body: str
    role: str
    as_of: str | None  #: ISO date of the paper's meeting, None when the paper gives none
    doc: str = ""
    line: int = 0
    quote: str = ""
    fact: str = ""  #: IRI of the stored membership fact


@dataclass(frozen=True, slots=True)
class StatedChange:
    """A change the text states: joined, left, appointed_chair, role_changed."""

    change: str
    person: str
    body: str
    date: str | None
    detail: str = ""
    doc: str = ""
    line: int = 0
    fact: str = ""


@dataclass(slots=True)
class Tenure:
    """A run of consecutive listings of one person on one body in one role."""

    person: str
    body: str
    role: str
    first_cited: str
    last_cited: str
    evidence: list[Listing] = field(default_factory=list)
    stated_start: str | None = None
    stated_end: str | None = None
    status: str = "unknown"  #: current, ended or unknown

    @property
    def start(self) -> str:
        return self.stated_start or self.first_cited

    @property
    def end(self) -> str | None:
        return self.stated_end or (self.last_cited if self.status == "ended" else None)


@dataclass(frozen=True, slots=True)
class MemberAnswer:
    """Whether `person` sat on `body` on a date, in which role, and why."""

    person: str
    body: str
    role: str
    member: str  #: yes, no or unknown
    reason: str
    evidence: tuple[Listing, ...] = ()


@dataclass(frozen=True, slots=True)
class Change:
    """A change between two dates: joined, left or role_changed."""

    change: str
    person: str
    body: str
    role_from: str | None
    role_to: str | None
    evidence_from: Listing | None
    evidence_to: Listing | None
    stated: StatedChange | None = None
    disagreement: str | None = None


class Timeline:
    """Listings and stated changes of many bodies, indexed for as-of questions."""

    def __init__(self, listings: Iterable[Listing], changes: Iterable[StatedChange] = ()) -> None:
        self.listings = [l for l in listings if l.role in ROLES and l.person]
        self._roles: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        for l in self.listings:
            self._roles[l.body][l.person].add(l.role)
        self.changes = list(changes)
        self._dates: dict[str, list[str]] = defaultdict(list)
        self._at: dict[tuple[str, str], dict[str, Listing]] = defaultdict(dict)
        self._undated: dict[tuple[str, str], list[Listing]] = defaultdict(list)
        for l in sorted(self.listings, key=lambda x: (x.as_of or "", role_rank(x.role))):
            if l.as_of is None:
                self._undated[(l.body, l.person)].append(l)
                continue
            self._at[(l.body, l.as_of)].setdefault(l.person, l)
        for body, date in self._at:
            self._dates[body].append(date)
        for dates in self._dates.values():
            dates.sort()

    def bodies(self) -> list[str]:
        return sorted(self._roles)

    def listing_dates(self, body: str) -> list[str]:
        """The dates on which a paper lists the body's members."""
        return list(self._dates.get(body, []))

    def listed(self, body: str, date: str) -> dict[str, Listing]:
        """Who the body's listing of that date names, by person."""
        return dict(self._at.get((body, date), {}))

    def members(self, body: str, date: str) -> list[MemberAnswer]:
        """Everyone ever listed on the body, with yes / no / unknown on `date`."""
        people = sorted(self._roles.get(body, {}))
        answers = [self.member(body, person, date) for person in people]
        return [a for a in answers if a.member != "no"] + [a for a in answers if a.member == "no"]

    def undated(self, body: str) -> list[Listing]:
        """The body's listings in papers that give no date (they answer no date's question)."""
        return [l for (b, _), ls in self._undated.items() if b == body for l in ls]

    def member(self, body: str, person: str, date: str) -> MemberAnswer:
        """yes / no / unknown from the dated listings and stated changes; an undated listing of the
        person turns a "no" read from the listings on either side into "unknown" (it may fall between)."""
        answer = self._dated_member(body, person, date)
        undated = self._undated.get((body, person))
        if not undated or answer.member == "yes" or answer.reason.startswith("stated: left"):
            return answer
        note = f"listed in an undated paper ({undated[0].doc})"
        if answer.member == "no":
            return MemberAnswer(person, body, answer.role, "unknown", f"{answer.reason}, but {note}",
                                tuple(undated[:1]))
        return MemberAnswer(person, body, answer.role, "unknown", f"{answer.reason}; {note}",
                            answer.evidence + tuple(undated[:1]))

    def first_listed(self, body: str, person: str) -> str | None:
        """The date of the body's first dated listing that names the person."""
        return next((d for d in self._dates.get(body, []) if person in self._at[(body, d)]), None)

    def _dated_member(self, body: str, person: str, date: str) -> MemberAnswer:
        dates = self._dates.get(body, [])
        stated = self._stated_answer(body, person, date)
        if date in dates and person in self._at[(body, date)]:
            hit = self._at[(body, date)][person]
            return MemberAnswer(person, body, hit.role, "yes", f"listed on {date}", (hit,))
        if stated:
            return stated
        before = dates[bisect_right(dates, date) - 1] if bisect_right(dates, date) else None
        after_i = bisect_left(dates, date)
        after = dates[after_i] if after_i < len(dates) else None
        prev = self._at[(body, before)].get(person) if before else None
        nxt = self._at[(body, after)].get(person) if after else None
        role = (prev or nxt).role if (prev or nxt) else self._any_role(body, person)
        evidence = tuple(x for x in (prev, nxt) if x)
        if prev and nxt:
            return MemberAnswer(person, body, role, "yes", f"listed on {before} and on {after}", evidence)
        if before and after and not prev and not nxt:
            return MemberAnswer(person, body, role, "no", f"not listed on {before} nor on {after}", ())
        if prev:
            why = f"listed on {before}, " + (f"not on {after}" if after else "no later listing")
            return MemberAnswer(person, body, role, "unknown", why, evidence)
        if nxt:
            why = f"listed on {after}, " + (f"not on {before}" if before else "no earlier listing")
            return MemberAnswer(person, body, role, "unknown", why, evidence)
        if before and not after:
            return MemberAnswer(person, body, role, "no", f"not listed on {before}, the latest listing", ())
        return MemberAnswer(person, body, role, "unknown", "no dated listing brackets this date", ())

    def _any_role(self, body: str, person: str) -> str:
        roles = self._roles.get(body, {}).get(person, ())
        return min(roles, key=role_rank) if roles else "member"

    def _stated_answer(self, body: str, person: str, date: str) -> MemberAnswer | None:
        """The answer a stated change gives, when no listing since it speaks.

        A change stated on S (joined, appointed chair, left) decides dates from S up to
        the next listing; a listing dated in (S, date] outweighs it (None: use listings).
        A stated join holds only up to a later listing that still names them.
        """
        relevant = sorted((c for c in self.changes if c.body == body and c.person == person and c.date
                           and c.date <= date), key=lambda c: c.date or "")
        if not relevant:
            return None
        last = relevant[-1]
        dates = self._dates.get(body, [])
        if any(last.date < d <= date for d in dates):
            return None
        later = [d for d in dates if d > date]
        named_later = bool(later) and person in self._at[(body, later[0])]
        role = self._any_role(body, person)
        if last.change == "left":
            if named_later:
                return MemberAnswer(person, body, role, "unknown",
                                    f"stated: left on {last.date}, but listed again on {later[0]}", ())
            return MemberAnswer(person, body, role, "no", f"stated: left on {last.date}", ())
        if not named_later:
            why = f"stated: {last.change} on {last.date}; " + (f"not listed on {later[0]}" if later
                                                                else "no later listing")
            return MemberAnswer(person, body, role, "unknown", why, ())
        role = "chair" if last.change == "appointed_chair" else self._at[(body, later[0])][person].role
        return MemberAnswer(person, body, role, "yes", f"stated: {last.change} on {last.date}; "
                            f"listed on {later[0]}", (self._at[(body, later[0])][person],))

    def changes_between(self, body: str, start: str, end: str) -> list[Change]:
        """Joined, left and role changes between the listings in force at `start` and at `end`."""
        dates = self._dates.get(body, [])
        first = _latest_on_or_before(dates, start) or (dates[0] if dates else None)
        last = _latest_on_or_before(dates, end)
        if not first or not last or first == last:
            return self._stated_only(body, start, end)
        a, b = self._at[(body, first)], self._at[(body, last)]
        out: list[Change] = []
        for person in sorted(set(a) | set(b)):
            x, y = a.get(person), b.get(person)
            if x and not y:
                kind = "left"
            elif y and not x:
                kind = "joined"
            elif x and y and x.role != y.role:
                kind = "role_changed"
            else:
                continue
            stated = self._stated_for(body, person, start, end)
            out.append(Change(kind, person, body, x.role if x else None, y.role if y else None, x, y, stated,
                              _disagreement(kind, stated)))
        listed_people = {c.person for c in out}
        for c in self.changes:
            if c.body == body and c.date and start <= c.date <= end and c.person not in listed_people:
                still = b.get(c.person)
                note = f"stated {c.change} on {c.date}, but listed on {last}" if c.change == "left" and still else None
                out.append(Change(c.change, c.person, body, None, None, None, still, c, note))
        return out

    def _stated_only(self, body: str, start: str, end: str) -> list[Change]:
        return [Change(c.change, c.person, body, None, None, None, None, c, None)
                for c in self.changes if c.body == body and c.date and start <= c.date <= end]

    def _stated_for(self, body: str, person: str, start: str, end: str) -> StatedChange | None:
        for c in self.changes:
            if c.body == body and c.person == person and (c.date is None or start <= c.date <= end):
                return c
        return None

    def tenures(self) -> list[Tenure]:
        """Runs of consecutive listings per person, body and role, with a status."""
        out: list[Tenure] = []
        for body, dates in self._dates.items():
            open_runs: dict[tuple[str, str], Tenure] = {}
            for date in dates:
                listed = self._at[(body, date)]
                for key in list(open_runs):
                    person, role = key
                    if person not in listed or listed[person].role != role:
                        run = open_runs.pop(key)
                        run.status = "ended"
                        out.append(run)
                for person, listing in listed.items():
                    key = (person, listing.role)
                    run = open_runs.get(key)
                    if run is None:
                        run = open_runs[key] = Tenure(person, body, listing.role, date, date)
                    run.last_cited = date
                    run.evidence.append(listing)
            for run in open_runs.values():
                run.status = "current"
                out.append(run)
        for run in out:
            self._apply_stated(run)
        return sorted(out, key=lambda t: (t.body, t.person, t.first_cited))

    def _apply_stated(self, run: Tenure) -> None:
        for c in self.changes:
            if c.body != run.body or c.person != run.person or not c.date:
                continue
            if c.change in ("joined", "appointed_chair") and c.date <= run.first_cited:
                run.stated_start = c.date
            elif c.change == "left" and c.date >= run.last_cited:
                run.stated_end = c.date
                run.status = "ended"

    def interlocks(self, date: str, confirmed_only: bool = False) -> dict[str, list[MemberAnswer]]:
        """People with a seat on two or more bodies on `date`, each seat answered yes or unknown (only
        yes with `confirmed_only`); people with two or more yes seats first, then by person."""
        wanted = ("yes",) if confirmed_only else ("yes", "unknown")
        seats: dict[str, list[MemberAnswer]] = defaultdict(list)
        for body in sorted(self._dates):  # a body listed only in undated papers answers no date
            for answer in self.members(body, date):
                if answer.member in wanted:
                    seats[answer.person].append(answer)
        several = [(p, sorted(s, key=lambda a: (a.member != "yes", a.body))) for p, s in seats.items() if len(s) > 1]
        several.sort(key=lambda ps: (sum(a.member == "yes" for a in ps[1]) < 2, ps[0]))
        return dict(several)


def _latest_on_or_before(dates: list[str], date: str) -> str | None:
    i = bisect_right(dates, date)
    return dates[i - 1] if i else None


def role_rank(role: str) -> int:
    """Chair first, then co-chair, vice-chair, member, ... (ROLES order); other roles last."""
    return ROLES.index(role) if role in ROLES else len(ROLES)


def _disagreement(kind: str, stated: StatedChange | None) -> str | None:
    if stated is None:
        return None
    agrees = {"joined": {"joined", "appointed_chair"}, "left": {"left"},
              "role_changed": {"role_changed", "appointed_chair"}}[kind]
    if stated.change in agrees:
        return None
    return f"listings say {kind}, the text says {stated.change}" + (f" on {stated.date}" if stated.date else "")
