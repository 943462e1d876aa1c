"""Files -> Documents: readers per format, boilerplate removal, metadata."""

from missiondesk.corpus.document import Document, LoadError, UnreadableFile
from missiondesk.corpus.loader import Corpus, load_corpus, read_document

__all__ = ["Corpus", "Document", "LoadError", "UnreadableFile", "load_corpus", "read_document"]
