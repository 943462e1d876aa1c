"""The project file (SQLite): documents, facts, analyst reviews, audit trail."""

from missiondesk.store.project import SUFFIX, ProjectData, ProjectError, audit_trail, load, save, save_as

__all__ = ["SUFFIX", "ProjectData", "ProjectError", "audit_trail", "load", "save", "save_as"]
