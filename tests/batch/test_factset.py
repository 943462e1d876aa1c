"""Reading a fact set: the filter the window offers (mission, dates, outlet, words) and the working set it takes,
and the desktop commands that work with no cluster extra installed."""

import subprocess
import sys

import pytest

from missiondesk.batch.factset import Selection, choices, current_documents, read_fact_set
from tests.batch.helpers import make_fact_set
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def seed_facts(tmp_path_factory):
    return make_fact_set(SEEDS, tmp_path_factory.mktemp("factset") / "facts")


def ids(root, **selection) -> set[str]:
    return set(current_documents(root, Selection(**selection))["id"].to_pylist())


def test_choices_offer_what_the_set_holds(seed_facts):
    found = choices(seed_facts)
    assert found.articles == 5
    assert {"resolute-support", "nato-mission-iraq", "kfor"} <= set(found.missions)
    assert found.outlets == ["AFP", "Caliber.az", "Euronews"]
    assert (found.first, found.last) == ("2021-02-17", "2026-02-19")


def test_each_filter_narrows_the_working_set(seed_facts):
    assert len(ids(seed_facts)) == 5
    assert ids(seed_facts, mission="kfor") == {"349a66a2728c0efe"}
    assert ids(seed_facts, outlet="AFP") == {"905d0768aa2e93b3"}
    assert ids(seed_facts, since="2021-01-01", until="2021-12-31") == {"905d0768aa2e93b3", "f33a1c9f34aa2806"}
    assert ids(seed_facts, text="VIGILANCE") == {"f33a1c9f34aa2806"}
    assert ids(seed_facts, mission="resolute-support", since="2021-06-01") == {"f33a1c9f34aa2806"}


def test_the_working_set_carries_its_facts_only(seed_facts):
    corpus, facts = read_fact_set(seed_facts, Selection(mission="nato-mission-iraq"))
    chosen = {d.id for d in corpus.documents}
    assert chosen == {"349a66a2728c0efe", "52b68a485ee049ad", "905d0768aa2e93b3"}
    assert [f.document for f in facts] == [d.id for d in corpus.documents]
    assert all(c.document in chosen for f in facts for c in f.troop_counts)
    assert sum(len(f.troop_counts) for f in facts) > 0 and sum(len(f.statements) for f in facts) > 0


def test_desktop_commands_need_no_cluster_extra(tmp_path, seed_facts):
    """Without dask and pyarrow, `extract` on files works as before, `batch` and a fact set say what to install."""
    blocked = ("import sys; sys.modules.update(dask=None, distributed=None, pyarrow=None); "
               "from missiondesk.cli import main")

    def run(*args):
        return subprocess.run([sys.executable, "-c", f"{blocked}; raise SystemExit(main({list(args)!r}))"],
                              capture_output=True, text=True, timeout=300)

    extracted = run("extract", str(SEEDS / "002_0456c59c1de563e2.txt"), "-o", str(tmp_path / "out.json"))
    assert extracted.returncode == 0 and (tmp_path / "out.json").exists(), extracted.stderr
    for args in (["batch", str(SEEDS), "--out", str(tmp_path / "facts")], ["compare", str(seed_facts)]):
        result = run(*args)
        assert result.returncode == 1 and "pip install 'missiondesk[cluster]'" in result.stderr


def test_compare_and_factsheet_take_a_fact_set(tmp_path, seed_facts):
    def run(*args):
        result = subprocess.run([sys.executable, "-m", "missiondesk", *args], capture_output=True, text=True,
                                timeout=300)
        assert result.returncode == 0, result.stderr
        return result.stdout

    assert run("compare", str(seed_facts)) == run("compare", str(SEEDS))
    assert "disagree" in run("compare", str(seed_facts)).lower()
    run("factsheet", str(seed_facts), "-o", str(tmp_path / "kfor.pdf"), "--mission", "kfor")
    assert (tmp_path / "kfor.pdf").read_bytes().startswith(b"%PDF")


def test_batch_writes_only_into_a_fact_set_or_an_empty_folder(tmp_path):
    from missiondesk.batch.tables import create_fact_set

    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(FileExistsError, match="not empty and not a fact set"):
        create_fact_set(tmp_path)
    create_fact_set(tmp_path / "new")
    create_fact_set(tmp_path / "new")  # an existing fact set is added to
    assert (tmp_path / "new" / "factset.json").is_file() and (tmp_path / "notes.txt").read_text() == "mine"


def test_articles_come_in_the_order_extract_reads_a_folder_in(tmp_path):
    from missiondesk.corpus import load_corpus

    folder = tmp_path / "archive"
    (folder / "afp").mkdir(parents=True)
    seeds = sorted(SEEDS.glob("*.txt"))
    (folder / "z.txt").write_bytes(seeds[0].read_bytes())  # a file of the folder comes before its subfolders'
    for seed in seeds[1:3]:
        (folder / "afp" / seed.name).write_bytes(seed.read_bytes())
    corpus, _ = read_fact_set(make_fact_set(folder, tmp_path / "facts"))
    assert [d.path for d in corpus.documents] == [d.path for d in load_corpus([folder]).documents]
    assert corpus.documents[0].path.endswith("z.txt")
