"""The news outlets and reporters that report what others said: a subject among them is no speaker."""

from __future__ import annotations

import json
import re
from functools import cache

from spacy.tokens import Token

from missiondesk.extract.sentences import join_tokens
from missiondesk.extract.speaker_words import _lexicon
from missiondesk.paths import resource


@cache
def _reporting_name_list() -> frozenset[str]:
    """Outlets' names (from the outlet gazetteer) and the words for reporters, lower case."""
    names = set(_lexicon()["reporter_words"])
    path = resource("gazetteers", "outlets.json")
    if path.exists():
        for outlet in json.loads(path.read_text(encoding="utf-8")):
            names.update(n.lower() for n in [outlet["name"], *outlet.get("aliases", [])] if len(n) > 2)
    return frozenset(names)


@cache
def _reporting_names() -> re.Pattern:
    """Those names as one pattern over a phrase's lower-case text."""
    names = sorted(map(re.escape, _reporting_name_list()), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(names) + r")\b")


@cache
def _reporting_words() -> frozenset[str]:
    """Every word of those names: a subject with none of them is no reporter, without the pattern."""
    return frozenset(w for name in _reporting_name_list() for w in name.split())


def is_reporter(subject: Token) -> bool:
    """'The New York Times', 'a news agency', 'BBC defence correspondent Paul Wood': a subject that reports
    what others said."""
    words = [t for t in subject.subtree if t.i <= subject.i or t.dep_ in ("compound", "appos", "amod")]
    if subject.pos_ == "PROPN":  # "The Voice of America reports": a name that goes on with "of"
        words += [t for p in subject.children if p.dep_ == "prep" and p.lower_ == "of" for t in p.subtree
                  if t.pos_ == "PROPN" or t.i == p.i]
    if not any(t.lower_ in _reporting_words() for t in words):
        return False
    return bool(_reporting_names().search(join_tokens(words).lower()))
