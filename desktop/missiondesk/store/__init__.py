"""The project file (SQLite): documents, facts, analyst reviews, audit trail."""
