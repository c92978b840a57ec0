"""Who sits where: meetings, memberships, attendance, positions and changes.

Importing the package registers its extractors (see extract.pipeline).
"""
from extract.people import meetings, members, attendance, positions, changes, orgs, model_mentions  # noqa: F401
