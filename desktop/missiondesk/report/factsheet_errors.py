"""What can go wrong when a fact sheet is asked for, in words a person can act on."""

from __future__ import annotations


class FactSheetError(Exception):
    """The fact sheet could not be written: nothing to report, or the file could not be saved."""


class InvalidSubject(FactSheetError):
    """The kind, mission or actor asked for does not match these articles (a misuse, not a failure)."""


class FactSheetCancelled(Exception):
    """The user cancelled; no file was written and any earlier file is untouched."""
