"""Realistic corpora of any size, made deterministically from the seed articles: paragraphs recombined across
articles, numbers, countries and names varied, a headline, date and byline above, some page furniture around."""

from __future__ import annotations

import random
import re
from pathlib import Path

from tests.conftest import SEEDS

PLACES = ["Afghanistan", "Iraq", "Kosovo", "Mali", "Lebanon", "Estonia", "Latvia", "Poland", "Somalia", "Niger",
          "Syria", "Chad", "Romania", "Lithuania", "South Sudan", "Bosnia"]
FORCES = ["NATO", "US", "British", "French", "German", "Turkish", "Italian", "UN", "EU"]
PEOPLE = [("Jens Stoltenberg", "Stoltenberg"), ("Mark Rutte", "Rutte"), ("Lloyd Austin", "Austin"),
          ("Boris Pistorius", "Pistorius"), ("Kaja Kallas", "Kallas"), ("Antonio Guterres", "Guterres"),
          ("John Kirby", "Kirby"), ("Annegret Kramp-Karrenbauer", "Kramp-Karrenbauer")]
FURNITURE_TOP = ["Home", "World", "Politics", "Share this article", "Advertisement", "Sign up for our newsletter"]
FURNITURE_END = ["Share this articleComments", "You might also like", "Troops return home after long tour",
                 "Views: 1,204", "© 2025 Example Media. All rights reserved."]
OUTLETS = ["AFP", "Reuters", "Euronews", "AP", "Defense News", "Al Jazeera"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def _paragraphs() -> tuple[list[str], list[str]]:
    from missiondesk.corpus import load_corpus

    corpus = load_corpus([SEEDS])
    paragraphs = [p for d in corpus.documents for p in d.body.split("\n\n") if len(p.split()) >= 8]
    return paragraphs, [d.title for d in corpus.documents]


def _vary(text: str, rng: random.Random) -> str:
    text = re.sub(r"\b\d{1,3}(?:,\d{3})+\b", lambda m: f"{rng.choice([500, 800, 1200, 2500, 4500, 9600, 12000]):,}",
                  text)
    text = re.sub(r"\bAfghanistan\b", rng.choice(PLACES), text)
    text = re.sub(r"\bNATO\b", rng.choice(FORCES[:1] * 3 + FORCES), text)
    full, short = rng.choice(PEOPLE)
    text = text.replace("Jens Stoltenberg", full).replace("Stoltenberg", short)
    return text


def article(index: int, paragraphs: list[str], titles: list[str]) -> str:
    rng = random.Random(index)
    body = [_vary(p, rng) for p in rng.sample(paragraphs, k=min(len(paragraphs), rng.randint(7, 12)))]
    top = rng.sample(FURNITURE_TOP, k=rng.randint(0, 3))
    date = f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(2017, 2025)}"
    head = [_vary(rng.choice(titles), rng) + f" ({index})", date, f"By {rng.choice(OUTLETS)}"]
    tail = rng.sample(FURNITURE_END, k=rng.randint(0, 3))
    return "\n\n".join([*top, *head, *body, *tail]) + "\n"


def generate(folder: Path, count: int) -> list[Path]:
    """Write `count` articles into `folder`; the same count always gives the same files."""
    folder.mkdir(parents=True, exist_ok=True)
    paragraphs, titles = _paragraphs()
    paths = []
    for i in range(count):
        path = folder / f"a{i:05d}.txt"
        path.write_text(article(i, paragraphs, titles), encoding="utf-8")
        paths.append(path)
    return paths
