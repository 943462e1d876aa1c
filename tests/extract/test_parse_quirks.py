"""Rules read spaCy's parse, which is sometimes wrong in the same few ways on newsroom copy. These tests build the
wrong parse by hand (words, heads and labels as the small model gives them on real sentences), so they do not
depend on the model's mood, and check that the rule still finds what the English says."""

from spacy.tokens import Doc

from missiondesk.extract.model import load_model
from missiondesk.extract.roles import subject_of


def _doc(words: list[str], heads: list[int], deps: list[str]) -> Doc:
    return Doc(load_model().vocab, words=words, heads=heads, deps=deps)


def test_a_subject_hung_on_the_auxiliary_is_the_verbs():
    # "Norway had this week already promised 200 soldiers.": the parse makes "had" a verb with "week" its
    # object and hangs the subject there, so "promised" has none of its own
    doc = _doc(["Norway", "had", "this", "week", "already", "promised", "200", "soldiers", "."],
               [1, 5, 3, 1, 5, 5, 7, 5, 5],
               ["nsubj", "aux", "det", "dobj", "advmod", "ROOT", "nummod", "dobj", "punct"])
    assert subject_of(doc[5]).text == "Norway"


def test_an_auxiliary_without_a_subject_gives_none():
    # "Had the ministry promised 200 soldiers": the subject is the verb's own; without one there is none
    doc = _doc(["Had", "already", "promised", "200", "soldiers", "."], [2, 2, 2, 4, 2, 2],
               ["aux", "advmod", "ROOT", "nummod", "dobj", "punct"])
    assert subject_of(doc[2]) is None
