"""What the boards govern: plans, oversight, principles, actions and their alignment.

Importing the package registers its extractors with `extract.pipeline`.
"""
from extract.governance import actions, plans, principles, priorities, prose, relations  # noqa: F401
from extract.governance import meeting_actions  # noqa: F401
