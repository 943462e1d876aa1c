"""The project file (SQLite): documents, facts, analyst reviews, audit trail."""

from missiondesk.store.project import (
    SUFFIX,
    ProjectConflict,
    ProjectData,
    ProjectError,
    audit_trail,
    load,
    save,
    save_as,
)

__all__ = ["SUFFIX", "ProjectConflict", "ProjectData", "ProjectError", "audit_trail", "load", "save", "save_as"]
