"""Documents -> facts: the spaCy pipeline and the domain rules."""

from missiondesk.extract.pipeline import extract_documents
from missiondesk.extract.records import Extraction, Mission, Statement, TroopCount

__all__ = ["Extraction", "Mission", "Statement", "TroopCount", "extract_documents"]
