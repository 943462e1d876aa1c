"""The words speaker resolution reads a subject by: determiners, honorifics, ranks, pronouns, titles, the nouns
of offices, bodies and documents, and the word lists of resources/extract/statements.toml."""

from __future__ import annotations

import re
import tomllib
from functools import cache

from missiondesk.paths import resource

_DETERMINERS = {"a", "an", "the", "some", "several", "two", "three", "four", "other", "another", "one", "many",
                "few", "all", "both", "these", "those", "this", "that"}
_HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "prof", "prof.", "madam"}
_RANKS = {"gen.", "gen", "general", "rear", "marshal", "maj.", "major", "col.", "colonel", "lt.", "lieutenant",
          "capt.", "captain",
          "sgt.", "sergeant", "adm.", "admiral", "brig.", "brigadier", "cmdr.", "commander", "cpl.", "corporal",
          "pvt.", "private", "lt", "maj", "col", "brig", "adm", "sgt", "cmdr", "lieut", "lieut.", "lt.-col.",
          "lieutenant-colonel", "lieutenant-general", "major-general", "brigadier-general", "sen.", "sen", "rep.",
          "gov.", "amb.", "pres.", "lt.-gen.", "lt-gen", "lt-gen.", "maj.-gen.", "maj-gen", "maj-gen.",
          "brig.-gen.", "brig-gen", "brig-gen.", "lt-col", "lt-col.", "lt.-col"}
_PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f", "they": "plural", "we": "plural", "it": "it", "i": "i"}
_TITLE_WORDS = {"secretary", "general", "secretary-general", "minister", "president", "prime", "chief", "head",
                "spokesman", "spokeswoman", "spokesperson", "ambassador", "envoy", "commander", "chancellor",
                "deputy", "defence", "defense", "foreign", "interior", "state", "press", "secretary", "director",
                "chairman", "chair", "king", "queen", "premier", "governor", "senator", "representative",
                "inspector", "acting", "vice", "high", "supreme", "allied", "coordinator", "adviser", "advisor",
                "leader", "officer", "official", "ministry", "department", "office", "nato", "un", "eu", "mp", "cs",
                "pm", "lawmaker", "legislator", "congressman", "congresswoman", "mayor", "sheikh", "emir", "crown",
                "commandant", "affairs", "resident"}  # "UN Resident Coordinator in Mongolia X"
_OWNED_WORDS = {"statement", "communique", "communiqué", "letter", "post", "tweet", "message"}
_QUANTIFIER_SUBJECTS = {"many", "some", "others", "most", "several", "few", "both", "all"}


@cache
def _lexicon() -> dict:
    with open(resource("extract", "statements.toml"), "rb") as fh:
        return tomllib.load(fh)


@cache
def _word_set(name: str) -> frozenset[str]:
    """A word list of statements.toml as a set, built once."""
    return frozenset(_lexicon()[name])


_MISSION_SPEAKERS = {"mission", "force", "operation"}
_GENERIC_BODIES = {"body", "bloc", "organisation", "organization", "grouping", "union"}
_DOCUMENTS = {"resolution", "text", "declaration", "communique", "communiqué", "statement", "report", "letter",
              "document", "memo", "memorandum", "charter", "mandate"}
_AUTHORED = {"sign", "issue", "release", "publish", "adopt", "write", "draft", "send"}
_DOCUMENT_REACH = 400  # tokens: how far back the body a document stands for may be named
_OFFICIAL_NOUNS = {"official", "source", "spokesman", "spokeswoman", "spokesperson", "insider", "diplomat"}
_OF_BODY = {"of", "at", "for", "from", "in"}
_BODY_NOUNS = {"ministry", "department", "military", "army", "navy", "government", "embassy", "command", "police",
               "forces", "headquarters", "presidency", "office"}
_RANK_ADJECTIVES = {"senior", "top", "high-ranking", "junior", "former", "another", "other", "one", "two", "three",
                    "several", "some", "many", "anonymous", "unnamed"}
_MINISTRY_FIELDS = re.compile(r"^(?:national\s+)?(?:defen[cs]e|foreign(?:\s+affairs)?|external\s+affairs|interior|"
                              r"home\s+affairs|security|justice|finance|health|information)$", re.I)
_SUBJECT_REACH = 1500  # characters: how far back a subject still wins a pronoun over a later object
_NAMED_REACH = 800  # characters: how soon after an unnamed speaker 'the spokesman X' still names them
_ABBREVIATION = re.compile(r"[A-Z]{2,4}")
_LEADER_TITLES = {"president", "premier", "chancellor", "minister", "king", "queen", "emir"}
# words that only make a rank with a rank beside them: "Air Chief Marshal", "Vice Admiral", "Wing Commander"
_RANK_PARTS = {"air", "vice", "chief", "wing", "flight", "squadron", "first", "staff"}
# last words of a place's name that the tagger may take for a person's: "Bagram Air Field", "Fort Bragg Airport"
_FACILITY_WORDS = {"field", "airfield", "base", "airport", "airbase", "barracks", "camp", "station", "port", "harbour",
                   "harbor", "fort", "garrison", "headquarters", "hq", "range", "academy", "school", "hospital"}
# nouns an outlet's name stands before: "La Repubblica newspaper"
_OUTLET_NOUNS = {"newspaper", "daily", "weekly", "magazine", "agency", "broadcaster", "tabloid", "channel"}
# titles of those who command a force: a person named after with only a rank holds them
_MILITARY_HEADS = {"chief", "commander", "general", "admiral"}
_SPEAKS_FOR = {"spokesman", "spokeswoman", "spokesperson", "aide", "adviser", "advisor", "representative"}
# nouns that name an office on their own: "the president", "the CS", "the minister"
_TITLE_NOUNS = {"president", "minister", "premier", "chancellor", "secretary", "secretary-general", "chief",
                "commander", "spokesman", "spokeswoman", "spokesperson", "ambassador", "envoy", "general",
                "governor", "senator", "king", "queen", "emir", "mayor", "chairman", "director", "coordinator",
                "head", "leader", "adviser", "advisor", "representative", "colonel", "admiral"}


_WRITTEN = {"study", "report", "assessment", "survey", "review", "analysis", "document", "memo", "letter", "poll",
            "paper", "audit", "investigation", "inquiry"}
_MEMBERS = {"member", "members", "ally", "allies", "country", "countries", "state", "states", "nations", "partners"}


_HYPHENS = {"-", "‐", "‑"}
