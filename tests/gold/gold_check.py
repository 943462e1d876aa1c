"""Checks a gold file against its articles: every quote is in its article, every value in its quote.

Used by the test suite (tests/gold/test_real_gold.py) and by annotators, one file at a time:
    python tests/gold/gold_check.py tests/gold/real/dev/SOME.json
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

QUALIFIERS = {"exact", "approx", "at_least", "at_most", "range", "change"}
ARTICLE_FIELDS = ("article", "title", "outlet", "published", "published_source", "boilerplate",
                  "missions", "troop_counts", "positions")
MISSION_FIELDS = ("id", "name", "lead", "theater")

_UNITS = {
    "zero": 0, "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
_DIGITS = re.compile(r"(?<![\d.,])\d+(?:[.,\s\u00a0\u202f']\d{3})*(?![\d])(?:\.\d+)?")
_WORDS = re.compile(r"[a-z]+(?:[\s-]+(?:and[\s-]+)?[a-z]+)*")


def numbers_in(text: str) -> set[int]:
    """Every whole number the text writes, in digits (10,000 / 12 000 / 2.500 / 1.5 million) or words."""
    found: set[int] = set()
    lowered = text.lower()
    for m in _DIGITS.finditer(lowered):
        raw = m.group()
        grouped = re.sub(r"[,\s\u00a0\u202f'.](?=\d{3}\b)", "", raw)
        tail = lowered[m.end():m.end() + 12]
        try:
            value = float(grouped) if "." in grouped else int(grouped)
        except ValueError:
            continue
        for word, scale in _SCALES.items():
            if re.match(rf"[\s-]*{word}", tail):
                value *= scale
        if float(value).is_integer():
            found.add(int(value))
    for m in _WORDS.finditer(lowered):
        found.update(_word_values(re.split(r"[\s-]+", m.group())))
    return found


def _word_values(words: list[str]) -> set[int]:
    """Values of every run of number words ('three thousand', 'a dozen', 'twenty-five hundred')."""
    values, total, current, seen = set(), 0, 0, False
    for word in words + ["."]:
        if word in ("a", "an") and not seen:
            current = 1  # counts only when a scale follows ("a thousand"), never alone
        elif word in _UNITS and word not in ("a", "an"):
            current += _UNITS[word]
            seen = True
        elif (word in _SCALES or word == "dozen") and (current or seen):
            current = max(current, 1) * (_SCALES.get(word) or 12)
            if _SCALES.get(word, 0) >= 1000:
                total, current = total + current, 0
            seen = True
        elif word == "and" and seen:
            continue
        else:
            if seen:
                values.add(total + current)
            total, current, seen = 0, 0, False
    return values


def problems(gold_path: Path, article_dir: Path | None = None) -> list[str]:
    """Every way the gold file disagrees with its articles or the annotation rules' shape."""
    out: list[str] = []
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    article_dir = article_dir or gold_path.parent
    mission_ids = set()
    for m in gold.get("missions", []):
        out += [f"mission {m.get('id')}: no {f}" for f in MISSION_FIELDS if not m.get(f)]
        mission_ids.add(m.get("id"))
    for a in gold.get("articles", []):
        name = a.get("article", "?")
        out += [f"{name}: no field {f}" for f in ARTICLE_FIELDS if f not in a]
        path = article_dir / name
        if not path.is_file():
            out.append(f"{name}: no article file {path}")
            continue
        text = path.read_text(encoding="utf-8")
        lines = set(text.splitlines())
        if a.get("published") and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", a["published"]):
            out.append(f"{name}: published {a['published']!r} is not YYYY-MM-DD")
        if a.get("published_source") not in ("text", "url", "inferred", None):
            out.append(f"{name}: published_source {a.get('published_source')!r}")
        out += [f"{name}: boilerplate is not a line of the file: {b[:70]!r}"
                for b in a.get("boilerplate", []) if b not in lines]
        for m in a.get("missions", []):
            if m.get("id") not in mission_ids:
                out.append(f"{name}: mission {m.get('id')!r} is not in the file's mission list")
            out += [f"{name}: mission mention not in the text: {x[:70]!r}"
                    for x in m.get("mentions", []) if x not in text]
        for c in a.get("troop_counts", []):
            out += _count_problems(name, text, c, mission_ids)
        for p in a.get("positions", []):
            if p.get("quote", "") not in text or not p.get("quote"):
                out.append(f"{name}: position quote not in the text: {p.get('quote', '')[:70]!r}")
            if not p.get("actor"):
                out.append(f"{name}: position without actor: {p.get('quote', '')[:70]!r}")
            if p.get("mission") and p["mission"] not in mission_ids:
                out.append(f"{name}: position mission {p['mission']!r} is not in the mission list")
    return out


def _count_problems(name: str, text: str, c: dict, mission_ids: set) -> list[str]:
    quote = c.get("quote", "")
    where = f"{name}: count {c.get('value')} ({quote[:50]!r})"
    out = []
    if not quote or quote not in text:
        out.append(f"{where}: quote not in the text")
    if not isinstance(c.get("value"), int):
        out.append(f"{where}: value is not an integer")
    elif not c.get("derived"):
        values = numbers_in(quote)
        out += [f"{where}: {v} is not written in the quote"
                for v in (c["value"], c.get("value_to")) if v is not None and v not in values]
    if c.get("qualifier") not in QUALIFIERS:
        out.append(f"{where}: qualifier {c.get('qualifier')!r}")
    if c.get("qualifier") == "range" and c.get("value_to") is None:
        out.append(f"{where}: a range without value_to")
    for f in ("whose", "where", "unit"):
        if f not in c:
            out.append(f"{where}: no field {f}")
    if c.get("mission") and c["mission"] not in mission_ids:
        out.append(f"{where}: mission {c['mission']!r} is not in the mission list")
    return out


if __name__ == "__main__":
    found = [p for arg in sys.argv[1:] for p in problems(Path(arg))]
    print("\n".join(found) if found else "ok")
    sys.exit(1 if found else 0)
