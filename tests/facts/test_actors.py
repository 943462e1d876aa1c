"""The actor registry: one entry per actor across a corpus (facts/actors.py), on statements made up here and on
the seeds plus the real articles of tests/gold/real/dev/ against a hand-made list of who is who."""

from functools import cache
from pathlib import Path

import pytest

from missiondesk.corpus.loader import load_corpus
from missiondesk.extract import extract_documents
from missiondesk.facts.actors import build_registry
from missiondesk.report.contract import statements_json

ROOT = Path(__file__).resolve().parents[2]


def _st(i: int, document: str, actor: str, text: str | None = None, role: str | None = None) -> dict:
    return {"id": f"s{i}", "document": document, "actor": actor, "actor_text": text, "actor_role": role}


def test_a_surname_and_an_honorific_join_the_full_name():
    registry = build_registry([_st(1, "a", "Jens Stoltenberg", "NATO Secretary General Jens Stoltenberg"),
                               _st(2, "a", "Stoltenberg"), _st(3, "b", "Mr Stoltenberg"),
                               _st(4, "c", "Jens Stoltenberg", "the NATO secretary general")])
    (entry,) = registry.entries
    assert entry.name == "Jens Stoltenberg" and entry.kind == "person"
    assert entry.statements == ["s1", "s2", "s3", "s4"]
    assert {"Stoltenberg", "Mr Stoltenberg", "the NATO secretary general"} <= set(entry.aliases)


def test_a_surname_shared_by_two_people_goes_to_the_one_in_its_article():
    registry = build_registry([_st(1, "a", "Gordon Brown"), _st(2, "a", "Brown"), _st(3, "b", "Harold Brown")])
    assert registry.of_statement("s2").name == "Gordon Brown"
    assert registry.of_statement("s3").name == "Harold Brown"
    assert len(registry) == 2


def test_a_surname_that_could_be_two_people_stays_apart():
    registry = build_registry([_st(1, "a", "Gordon Brown"), _st(2, "b", "Harold Brown"), _st(3, "c", "Brown")])
    assert registry.of_statement("s3").name == "Brown" and len(registry) == 3


def test_two_countries_ministries_are_two_actors_and_spellings_are_one():
    registry = build_registry([_st(1, "a", "Georgian Ministry of Defence"), _st(2, "b", "Polish Ministry of Defence"),
                               _st(3, "c", "Polish Ministry of Defense")])
    assert registry.of_statement("s1").id != registry.of_statement("s2").id
    assert registry.of_statement("s2").id == registry.of_statement("s3").id
    assert registry.of_statement("s1").kind == "body"


def test_two_spellings_written_as_often_fall_the_same_way_in_any_order():
    rows = [_st(1, "a", "Ministry of Defense"), _st(2, "b", "Ministry of Defence")]
    names = {build_registry(order).of_statement("s1").name for order in (rows, rows[::-1])}
    assert names == {"Ministry of Defence"}


def test_a_given_name_misspelt_once_in_an_article_is_the_same_person():
    registry = build_registry([_st(1, "a", "Carman Calvo"), _st(2, "a", "Carmen Calvo"), _st(3, "a", "Carmen Calvo"),
                               _st(4, "b", "Karen Calvo")])
    assert registry.of_statement("s1").name == "Carmen Calvo" == registry.of_statement("s2").name
    assert registry.of_statement("s4").name == "Karen Calvo"


def test_a_middle_name_left_out_in_one_article_is_the_same_person():
    registry = build_registry([_st(1, "a", "Marcel Alain de Souza"), _st(2, "a", "Marcel de Souza"),
                               _st(3, "b", "Marcel de Souza"), _st(4, "a", "Maria de Souza")])
    assert registry.of_statement("s2").name == "Marcel Alain de Souza" == registry.of_statement("s1").name
    assert registry.of_statement("s3").name == "Marcel Alain de Souza"  # a name is one actor across the corpus
    assert registry.of_statement("s4").name == "Maria de Souza"


def test_qualified_sources_join_across_articles_and_bare_ones_do_not():
    registry = build_registry([_st(1, "a", "senior US official"), _st(2, "b", "US officials"),
                               _st(3, "a", "officials"), _st(4, "b", "officials"),
                               _st(5, "c", "European diplomat"), _st(6, "c", "European diplomats and regional experts"),
                               _st(7, "d", "NATO allies"), _st(8, "d", "allies")])
    assert registry.of_statement("s1").id == registry.of_statement("s2").id
    assert registry.of_statement("s3").id != registry.of_statement("s4").id
    assert registry.of_statement("s5").id == registry.of_statement("s6").id
    assert registry.of_statement("s7").id == registry.of_statement("s8").id
    assert registry.of_statement("s1").kind == "source"


def test_an_unnamed_official_is_listed_under_the_body():
    registry = build_registry([_st(1, "a", "Irish military (unnamed official)", "An Irish military spokesman"),
                               _st(2, "b", "Irish military (unnamed official)")])
    (entry,) = registry.entries
    assert entry.kind == "source" and entry.aliases == ["An Irish military spokesman"]


def test_the_contract_carries_the_canonical_name_the_id_and_the_aliases():
    from missiondesk.extract.records import Statement

    def record(i, doc, actor):
        return Statement(id=f"s{i}", document=doc, actor=actor, actor_role=None, kind="reported", content="c",
                         sentence="c", topic=None, mission=None, start=0, end=1)

    rows = statements_json([record(1, "a", "Jens Stoltenberg"), record(2, "b", "Stoltenberg")])
    assert [r["actor"] for r in rows] == ["Jens Stoltenberg", "Jens Stoltenberg"]
    assert rows[0]["actor_id"] == rows[1]["actor_id"] == "person:jens-stoltenberg"
    assert rows[1]["actor_aliases"] == ["Stoltenberg"]


# -- the seeds and dev/: a hand-made list of who is who -----------------------------------------------------

# Each line: names the articles use for ONE actor (as extracted in their articles) -> the entry's name.
ONE_ACTOR = {
    "Jens Stoltenberg": ["Jens Stoltenberg", "Stoltenberg", "Mr Stoltenberg", "NATO Secretary General Jens Stoltenberg"],
    "Recep Tayyip Erdogan": ["Recep Tayyip Erdogan", "Erdogan", "President Recep Tayyip Erdogan"],
    "Kipchumba Murkomen": ["Kipchumba Murkomen", "Murkomen", "the CS"],
    "Jean-Yves Le Drian": ["Jean-Yves Le Drian"],
    "Taliban": ["Taliban", "the Taleban", "Taliban officials"],
    "Russian Ministry of Defence": ["Russian Ministry of Defence", "Russia’s defense ministry"],
    "Richard Marles": ["Richard Marles", "Mr. Marles", "Australian Defence Minister Richard Marles"],
}
# Actors that must stay apart although their names or titles look alike.
APART = [("Jens Stoltenberg", "Anders Fogh Rasmussen", "Jaap de Hoop Scheffer"),
         ("Russian Ministry of Defence", "UK Ministry of Defence", "Lithuanian Ministry of National Defence"),
         ("Boris Johnson", "Boris Pistorius"), ("Government of Denmark", "Government of Rwanda"),
         ("Ross Allen", "Boris Johnson"), ("Matthieu Mabin", "Jean-Yves Le Drian")]


@cache
def _corpus_rows() -> tuple[list[dict], dict[str, str]]:
    dev = ROOT / "tests" / "gold" / "real" / "dev"
    paths = sorted((ROOT / "seeds").glob("*.txt")) + sorted(p for p in dev.glob("*.txt")
                                                            if p.with_suffix(".json").exists())
    corpus = load_corpus(paths)
    rows = statements_json(extract_documents(corpus.documents).statements)
    return rows, {d.id: Path(d.path).name for d in corpus.documents}


def _entries_by_name() -> dict[str, list[dict]]:
    rows, _ = _corpus_rows()
    out: dict[str, list[dict]] = {}
    for row in rows:
        out.setdefault(row["actor"], []).append(row)
    return out


@pytest.mark.parametrize("name", sorted(ONE_ACTOR))
def test_corpus_one_actor_is_one_entry(name):
    rows, _ = _corpus_rows()
    mine = [r for r in rows if r["actor"] == name]
    assert mine, f"{name} says nothing in the corpus"
    assert len({r["actor_id"] for r in mine}) == 1
    forms = set(ONE_ACTOR[name])
    # every name listed for the actor is the entry's name or one of its aliases, never another entry's
    others = [r for r in rows if r["actor_id"] != mine[0]["actor_id"]]
    assert not [r["actor"] for r in others if r["actor"] in forms]
    if len(forms) > 1:  # and the entry lists the other names the corpus uses for it
        assert (forms - {name}) & set(mine[0]["actor_aliases"])


@pytest.mark.parametrize("names", APART, ids=lambda names: " / ".join(names))
def test_corpus_actors_that_look_alike_stay_apart(names):
    by_name = _entries_by_name()
    ids = [{r["actor_id"] for r in by_name.get(n, [])} for n in names]
    assert all(len(i) == 1 for i in ids), f"each of {names} is one entry"
    assert len(set().union(*ids)) == len(names)


def test_corpus_no_person_twice_in_one_article():
    """No two person entries whose names end alike ('Le Drian', 'Jean-Yves Le Drian') speak in one article."""
    rows, _ = _corpus_rows()
    people: dict[str, tuple[str, set[str]]] = {}
    for row in rows:
        if row["actor_id"].startswith("person:"):
            people.setdefault(row["actor_id"], (row["actor"], set()))[1].add(row["document"])
    clashes = [(a, b) for a, (na, da) in people.items() for b, (nb, db) in people.items()
               if a < b and na.split()[-1].lower() == nb.split()[-1].lower() and da & db]
    assert clashes == []


def test_corpus_no_body_twice():
    """One entry per body: no two body entries with the same name up to case and spelling."""
    rows, _ = _corpus_rows()
    bodies = {r["actor_id"]: r["actor"] for r in rows if r["actor_id"].startswith("body:")}
    keys = [n.lower().replace("defense", "defence").removeprefix("the ") for n in bodies.values()]
    assert len(keys) == len(set(keys))


def test_positions_group_by_the_registry_actor():
    from missiondesk.corpus.document import Document
    from missiondesk.extract.records import Extraction, Statement
    from missiondesk.facts import FactFrames, compare_statements

    docs = [Document(id=d, path=f"{d}.txt", title=d, outlet=None, author=None, published="2024-01-0" + n, body="x")
            for d, n in (("a", "1"), ("b", "2"))]

    def said(i, doc, actor):
        return Statement(id=f"s{i}", document=doc, actor=actor, actor_role=None, kind="reported", content="c",
                         sentence="c", topic="withdrawal", mission=None, start=i, end=i + 1)

    extraction = Extraction(statements=[said(1, "a", "Jens Stoltenberg"), said(2, "b", "Stoltenberg"),
                                        said(3, "a", "Georgian Ministry of Defence"),
                                        said(4, "b", "Polish Ministry of Defence")])
    frames = FactFrames.build(docs, extraction)
    assert sorted(set(frames.statements["actor"])) == ["Georgian Ministry of Defence", "Jens Stoltenberg",
                                                       "Polish Ministry of Defence"]
    keys = compare_statements(frames).keys
    row = keys[keys["actor"] == "Jens Stoltenberg"].iloc[0]
    assert row["documents"] == 2 and row["facts"] == 2
    assert len(keys) == 3
