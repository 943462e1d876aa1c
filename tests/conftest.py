import json
import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = Path(__file__).resolve().parent / "gold" / "seeds.json"

ARTICLE = (
    "UN peacekeepers extend patrols in south Lebanon\n\n"
    "By Jane Porter\n\n"
    "The United Nations will keep about 10,000 peacekeepers along the Blue Line for another year, "
    "officials said on Tuesday, after the Security Council renewed the mission's mandate.\n\n"
    "\"We will stay as long as we are needed,\" the mission's spokesperson told reporters in Naqoura.\n"
)


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def gold() -> dict:
    return json.loads(GOLD.read_text(encoding="utf-8"))


@pytest.fixture
def article_file(tmp_path: Path) -> Path:
    """One small, well-formed article on disk."""
    path = tmp_path / "good.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path
