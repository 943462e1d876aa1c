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


_OUTLET_REFERENCES = {"newspaper", "paper", "publication", "daily", "magazine", "outlet", "broadcaster", "website",
                      "weekly", "tabloid"}


def outlet_named_before(subject: Token) -> str | None:
    """'According to the publication', 'the newspaper reported': the outlet the article named last before it
    ('Stars and Stripes, an information agency ..., has reported on ...'), as the article writes its name."""
    if subject.lemma_.lower() not in _OUTLET_REFERENCES or not any(
            c.lower_ in ("the", "this") for c in subject.children if c.i < subject.i):
        return None
    text = subject.doc.text[:subject.idx]
    found = [m for m in _reporting_names().finditer(text.lower()) if text[m.start()].isupper()
             and m.group() not in _lexicon_words()]
    return text[found[-1].start():found[-1].end()] if found else None


@cache
def _lexicon_words() -> frozenset[str]:
    """The words for reporters in general ('newspaper', 'correspondent'): no outlet's name."""
    return frozenset(_lexicon()["reporter_words"])
