"""Imported once by the forkserver process (see pipeline._process_context): the language model and the
gazetteer load there, and every worker forked from it starts with them instead of loading its own."""

from missiondesk.extract.gazetteer import gazetteer_for
from missiondesk.extract.model import load_model

gazetteer_for(load_model())
