"""spaCy's attribute ruler (tag map and word exceptions: POS, MORPH, LEMMA) with its matching done through an
index. The stock Matcher tries every one of the model's ~180 rules at every token and took a fifth of the
pipeline's time; here each token only tries the rules that name its word or its tag (plus the few that name
neither). The rules, their order and what they set are the model's own: `match` returns exactly what the
stock `AttributeRuler.match` returns (a test compares them), and spaCy's own function sets what they say.

In pipelines (`pipe`, what Language.pipe calls) the matches are not listed at all: what a token's rules write
is worked out once per distinct token, as the rules apply in order (a later rule's value wins), and a doc's
values are written as one array, the same values spaCy's function would set one match at a time."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG
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
    if {name for attrs in ruler.attrs for name in attrs} <= _ARRAY_ATTRS:
        ruler.pipe = ArrayAnnotations(ruler, ruler.match).pipe
    return True


# What a rule may set for the array path: token attributes only. spaCy's function also writes each attribute to
# the word's lexeme, where these five are not kept (it ignores them there), so a doc's array holds all they do.
_ARRAY_ATTRS = {POS, TAG, LEMMA, MORPH, DEP}


class ArrayAnnotations:
    """Stands in for the ruler's `pipe`: match and set_annotations without the list of matches. A token's
    writes are those of its matches in spaCy's order (sorted by rule, then match, start, end; each overwrites
    the one before). What its own one-token rules write depends on its four fields alone: it is worked out once
    per distinct token, as a row of a table, and a doc takes its tokens' rows at once; a token in a two-token
    match has its matches sorted on the spot. nlp(text) keeps the stock path."""

    def __init__(self, ruler: AttributeRuler, match: IndexedMatch) -> None:
        self.ruler = ruler
        self.match = match
        self.columns = sorted({name for attrs in ruler.attrs for name in attrs})
        at = {name: column for column, name in enumerate(self.columns)}
        self.writes = [tuple((at[name], value) for name, value in attrs.items()) for attrs in ruler.attrs]
        # row r of the table: what a kind of token writes (`written` says which columns) and whether it may start
        # a two-token match (rows from 1)
        self.rows: dict[tuple, int] = {}  # token key -> its row
        self.values = numpy.zeros((1024, len(self.columns)), dtype="uint64")  # grown by doubling
        self.written = numpy.zeros((1024, len(self.columns)), dtype=bool)
        self.starts_pair = numpy.zeros(1024, dtype=bool)
        self.broken = numpy.zeros(1024, dtype=bool)  # a rule that writes outside its match: the stock path

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        error_handler = self.ruler.get_error_handler()
        for doc in docs:
            try:
                yield self(doc)
            except Exception as exc:
                error_handler(self.ruler.name, self.ruler, [doc], exc)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc) or not self.columns:
            return doc
        keys = list(map(tuple, doc.to_array(_ARRAY).tolist()))
        if len(self.rows) + len(keys) >= _MEMO_LIMIT:
            self.rows.clear()  # between docs: a doc's rows stay its own while it is read
        known = self.rows.get
        rows = numpy.fromiter((known(key) or self._row(key) for key in keys), dtype=numpy.intp, count=len(keys))
        if self.broken[rows].any():
            return self._stock(doc)
        current = doc.to_array(self.columns).reshape(len(doc), len(self.columns))
        values = numpy.where(self.written[rows], self.values[rows], current)
        starts = numpy.flatnonzero(self.starts_pair[rows[:-1]]).tolist()
        if starts:
            paired = self._paired(keys, starts)
            if paired is None:
                return self._stock(doc)
            for i, matches in paired.items():
                singles = self._entry(keys[i])[0]
                for column, value in self._fold([*((rule, m, i, i + 1) for rule, m in singles), *matches]):
                    values[i, column] = value
        doc.from_array(self.columns, values)
        return doc

    def _stock(self, doc: Doc) -> Doc:
        """A rule that writes outside its match: spaCy's own path says so as it would."""
        self.ruler.set_annotations(doc, self.match(doc))
        return doc

    def _row(self, key: tuple) -> int:
        """A new kind of token's row: its one-token rules' writes, folded in spaCy's order."""
        singles, firsts, _ = self._entry(key)
        row = len(self.rows) + 1
        while row >= len(self.values):
            self.values = numpy.concatenate([self.values, numpy.zeros_like(self.values)])
            self.written = numpy.concatenate([self.written, numpy.zeros_like(self.written)])
            self.starts_pair = numpy.concatenate([self.starts_pair, numpy.zeros_like(self.starts_pair)])
            self.broken = numpy.concatenate([self.broken, numpy.zeros_like(self.broken)])
        writes = self._fold([(rule, match_id, 0, 1) for rule, match_id in singles])
        self.values[row], self.written[row] = 0, False
        self.starts_pair[row], self.broken[row] = bool(firsts), writes is None
        for column, value in writes or ():
            self.values[row, column], self.written[row, column] = value, True
        self.rows[key] = row
        return row

    def _entry(self, key: tuple) -> tuple:
        return self.match._memo.get(key) or self.match._token(key)

    def _paired(self, keys: list[tuple], starts: list[int]) -> dict[int, list[tuple]] | None:
        """The two-token matches beginning at `starts`, by the token each writes (None if one writes outside its
        match)."""
        pairs, indices = self.match.pairs, self.ruler.indices
        found: dict[int, list[tuple]] = {}
        for i in starts:
            for p in self._entry(keys[i])[1] & self._entry(keys[i + 1])[2]:
                rule, match_id = pairs[p][0], pairs[p][1]
                index = indices[rule]
                target = i + index if index >= 0 else i + 2 + index
                if not i <= target < i + 2:
                    return None
                found.setdefault(target, []).append((rule, match_id, i, i + 2))
        return found

    def _fold(self, matches: list[tuple]) -> tuple | None:
        """The (column, value) writes of `matches` (rule, match id, start, end) applied in spaCy's order."""
        final: dict[int, int] = {}
        indices = self.ruler.indices
        for rule, _, start, end in sorted(matches):
            index = indices[rule]
            if not start <= (start + index if index >= 0 else end + index) < end:
                return None
            final.update(self.writes[rule])
        return tuple(final.items())


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

