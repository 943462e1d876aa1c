"""spaCy's attribute ruler (tag map and word exceptions: POS, MORPH, LEMMA) with its matching done through an
index. The stock Matcher tries every one of the model's ~180 rules at every token and took a fifth of the
pipeline's time; here each token only tries the rules that name its word or its tag (plus the few that name
neither). The rules, their order and what they set are the model's own: `match` returns exactly what the
stock `AttributeRuler.match` returns (a test compares them), and spaCy's own function sets what they say."""

from __future__ import annotations

import re
from collections import defaultdict

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

# A token as the rules see it: (lower-case word, tag, dependency label, is-space), read from the doc's arrays.
_FIELDS = ("LOWER", "TAG", "DEP", "IS_SPACE")
_ARRAY = [LOWER, TAG, DEP, IS_SPACE]
_MEMO_LIMIT = 100_000  # distinct tokens remembered (about 0.5 KB each) before the memo starts afresh
_NONE: frozenset[int] = frozenset()


def _predicate(field: str, wanted):
    """A test of one token's fields for one field of a Matcher token pattern (the forms the model's rules use)."""
    at = _FIELDS.index(field)
    if not isinstance(wanted, dict):
        return lambda f: f[at] == wanted
    (op, value), = wanted.items()
    if op == "IN":
        values = frozenset(value)
        return lambda f: f[at] in values
    if op == "NOT_IN":
        values = frozenset(value)
        return lambda f: f[at] not in values
    if op == "REGEX":
        pattern = re.compile(value)
        return lambda f: bool(pattern.search(f[at]))
    raise ValueError(f"attribute rule operator {op!r} is not supported")


def _token_test(spec: dict):
    tests = [_predicate(field, wanted) for field, wanted in spec.items()]
    return lambda f: all(test(f) for test in tests)


def _keys(spec: dict, field: str) -> list[str] | None:
    """The exact values a token pattern requires for `field` (for the index), or None if it requires none."""
    wanted = spec.get(field)
    if isinstance(wanted, str):
        return [wanted]
    if isinstance(wanted, dict) and set(wanted) == {"IN"}:
        return list(wanted["IN"])
    return None


class IndexedMatch:
    """A drop-in for AttributeRuler.match: the same sorted (rule, match id, start, end) list. What a token
    matches depends only on its four fields, so it is worked out once per distinct token (through an index of
    the rules by word and tag) and remembered."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.strings = ruler.vocab.strings
        self.by_lower: dict[str, list] = defaultdict(list)
        self.by_tag: dict[str, list] = defaultdict(list)
        self.anywhere: list = []
        self.pairs: list = []  # two-token patterns: (rule, match id, test of the first token, of the second)
        for rule, entry in enumerate(ruler.patterns):
            match_id = self.strings.add(str(rule))
            for pattern in entry["patterns"]:
                if len(pattern) > 2 or any(set(spec) - set(_FIELDS) for spec in pattern):
                    raise ValueError(f"attribute rule {rule} has a form the index does not support: {pattern}")
                if len(pattern) == 2:
                    self.pairs.append((rule, match_id, _token_test(pattern[0]), _token_test(pattern[1])))
                    continue
                candidate = (rule, match_id, _token_test(pattern[0]))
                lowers, tags = _keys(pattern[0], "LOWER"), _keys(pattern[0], "TAG")
                if lowers is not None:
                    for word in lowers:
                        self.by_lower[word].append(candidate)
                elif tags is not None:
                    for tag in tags:
                        self.by_tag[tag].append(candidate)
                else:
                    self.anywhere.append(candidate)
        self._memo: dict[tuple, tuple] = {}

    def _token(self, key: tuple) -> tuple:
        """(single-token rules matched, pairs whose first token matches, pairs whose second token matches)."""
        lower, tag, dep, space = key
        fields = (self.strings[lower], self.strings[tag] if tag else "", self.strings[dep] if dep else "",
                  bool(space))
        # a rule whose patterns both fit counts once, as in spaCy's Matcher
        singles = tuple(dict.fromkeys((rule, match_id) for rule, match_id, test in
                                      (*self.by_lower.get(fields[0], ()), *self.by_tag.get(fields[1], ()),
                                       *self.anywhere) if test(fields)))
        firsts = frozenset(p for p, (_, _, test, _) in enumerate(self.pairs) if test(fields)) or _NONE
        seconds = frozenset(p for p, (_, _, _, test) in enumerate(self.pairs) if test(fields)) or _NONE
        if len(self._memo) >= _MEMO_LIMIT:
            self._memo.clear()
        self._memo[key] = found = (singles, firsts, seconds)
        return found

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        memo = self._memo
        tokens = [memo.get(key) or self._token(key) for key in map(tuple, doc.to_array(_ARRAY).tolist())]
        found = []
        for i, (singles, firsts, _) in enumerate(tokens):
            found.extend((rule, match_id, i, i + 1) for rule, match_id in singles)
            if firsts and i + 1 < len(tokens):
                found.extend({(self.pairs[p][0], self.pairs[p][1], i, i + 2) for p in firsts & tokens[i + 1][2]})
        found.sort()
        return found


def index_attribute_ruler(ruler: AttributeRuler) -> bool:
    """Make `ruler` find its matches through the index (its rules and results unchanged). A model whose rules
    take a form the index does not know keeps spaCy's matcher; returns whether the index is in use."""
    try:
        ruler.match = IndexedMatch(ruler)
    except ValueError:
        return False
    ruler.set_annotations = _direct_annotations(ruler)
    return True


def _direct_annotations(ruler: AttributeRuler):
    """AttributeRuler.set_annotations without the Span it makes for each match (a third of its time): each
    match's attributes go to its token in the same order, through the same spaCy function."""
    stock = type(ruler).set_annotations

    def set_annotations(doc: Doc, matches) -> None:
        attrs, indices = ruler.attrs, ruler.indices
        for attr_id, match_id, start, end in matches:
            index = indices[attr_id]
            i = start + index if index >= 0 else end + index
            if not start <= i < end:
                stock(ruler, doc, [(attr_id, match_id, start, end)])  # raises spaCy's own error for it
                continue
            set_token_attrs(doc[i], attrs[attr_id])

    return set_annotations

