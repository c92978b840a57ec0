"""The facts format's field lists and allowed values, and how they map to ontology terms."""
from __future__ import annotations

from pyoxigraph import NamedNode

from graph.namespaces import GG

#: every fact type's fields, in the facts format's order (../shared/eval/FORMAT.md)
FIELDS: dict[str, tuple[str, ...]] = {
    "person": ("name", "variants", "titles"),
    "organisation": ("name", "kind", "variants"),
    "plan": ("name", "kind", "variants", "period"),
    "meeting": ("id", "body", "date", "role"),
    "membership": ("person", "body", "role", "post", "affiliation", "as_of"),
    "attendance": ("person", "meeting", "date", "status", "substitute_for", "mode"),
    "position": ("person", "post", "organisation", "as_of"),
    "change": ("change", "person", "body", "date", "detail"),
    "oversight": ("subject", "relation", "object"),
    "principle": ("id", "kind", "framework", "text"),
    "action": ("id", "text", "plan", "leads"),
    "alignment": ("item", "principle"),
    "priority": ("id", "text", "body"),
    "recommendation": ("id", "text", "body"),
}

LIST_FIELDS = frozenset({"variants", "titles", "leads"})
DATE_FIELDS = frozenset({"date", "as_of"})

MEMBERSHIP_ROLES = ("chair", "co-chair", "vice-chair", "member", "independent adviser",
                    "additional attendee", "adviser", "officer", "vacancy")
ATTENDANCE_STATUSES = ("present", "apologies", "officer_in_attendance", "also_in_attendance",
                       "substitute")
PLAN_KINDS = ("strategy", "plan", "action_plan", "programme", "framework", "initiative",
              "report", "policy")
CHANGE_KINDS = ("joined", "left", "appointed_chair", "role_changed")
#: strategic and enabling are the common pair; frameworks also name guiding, core, key,
#: delivery or operating principles, and values
PRINCIPLE_KINDS = ("strategic", "enabling", "guiding", "core", "key", "delivery", "operating", "value", "principle")

#: a value field → the values it may take
ALLOWED: dict[tuple[str, str], tuple[str, ...]] = {
    ("membership", "role"): MEMBERSHIP_ROLES,
    ("attendance", "status"): ATTENDANCE_STATUSES,
    ("plan", "kind"): PLAN_KINDS,
    ("change", "change"): CHANGE_KINDS,
    ("principle", "kind"): PRINCIPLE_KINDS,
}

#: oversight relation (facts spelling) → property
RELATIONS: dict[str, NamedNode] = {
    "oversees": GG.oversees, "reports_to": GG.reportsTo, "accountable_to": GG.accountableTo,
    "part_of": GG.partOf, "chaired_by": GG.chairedBy, "leads": GG.leads,
    "delivers": GG.delivers, "aligns_with": GG.alignsWith,
}
RELATION_NAMES: dict[str, str] = {prop.value: name for name, prop in RELATIONS.items()}

#: organisation kind → the Body subclass it is typed with besides org:Organization
BODY_CLASSES: dict[str, NamedNode] = {
    "board": GG.Board, "committee": GG.Committee, "commission": GG.Commission,
    "partnership": GG.Partnership, "panel": GG.Panel, "group": GG.Group,
}
