"""Errors raised while reading and extracting papers.

ExtractError
 └── DocumentError          a file cannot be read as a paper (names the file and the problem)
"""
from __future__ import annotations


class ExtractError(Exception):
    """Base class of govgraph's extraction errors."""


class DocumentError(ExtractError):
    """A file cannot be read: unreadable, encrypted, binary, empty or not text."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem
