"""Imported once by the forkserver process (see pipeline._process_context): the language model and the
gazetteer load there, and every worker forked from it starts with them instead of loading its own.

A short article is extracted here too, so that what the rules load on first use (word lists, the office-holder
list, compiled patterns, the lemmatizer's and attribute ruler's memos) is loaded once in the server and every
worker of every run starts with it, rather than each worker loading it again on its first chunk. The memos
are keyed caches of deterministic answers: a worker's facts are the same warm or cold."""

import gc

from missiondesk.corpus.document import Document
from missiondesk.extract.gazetteer import gazetteer_for
from missiondesk.extract.model import load_model
from missiondesk.extract.pipeline import _extract_serial

_WARM_UP = Document(
    id="warm-up", path="", title="NATO extends its training mission in Iraq", outlet="Reuters",
    author="By Reuters", published="2021-02-18", format="txt",
    body=("BRUSSELS (Reuters) - NATO defence ministers agreed on Thursday to expand the alliance's training "
          "mission in Iraq from 500 to about 4,000 troops, Secretary General Jens Stoltenberg said.\n\n"
          "\"Our presence is conditions-based,\" Stoltenberg told reporters after the meeting. German Defence "
          "Minister Annegret Kramp-Karrenbauer said Germany would keep its 1,100 soldiers in Afghanistan.\n\n"
          "The United States has 2,500 troops in Afghanistan under the Resolute Support mission, a Pentagon "
          "spokesman said. Two hundred French soldiers will leave Mali, according to officials.\n"))

gazetteer_for(load_model())
_extract_serial([_WARM_UP], None, None)
gc.freeze()  # what the server holds is never scanned (nor its pages copied) by a worker's garbage collector
