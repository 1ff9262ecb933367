"""The spaCy pipelines, loaded once per process and only when needed.

French uses the pinned ``fr_core_news_md`` package for dependency parses of
the sentences that hold a trigger. Its NER is left out: leaders come from the
gazetteer, and NER is a third of the parsing time. So is its lemmatizer: it is
the last component and only sets ``lemma_``, which nothing reads, yet loading
its lookup tables was 40% of the model's loading time (about 1 s, paid by
every build); parses and morphology are the same without it. English has no model: its
rules run on the project's own tokenizer (see README, "Why no English model").
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

FRENCH_MODEL = "fr_core_news_md"
_EXCLUDE = ["ner", "senter", "lemmatizer"]


@lru_cache(maxsize=2)
def load(name: str = FRENCH_MODEL) -> Any:
    import spacy

    nlp = spacy.load(name, exclude=_EXCLUDE)
    # Long runs of one character made older tokenizers hang; our sentences are
    # short, but a URL rule over a 100 kB "sentence" is still not worth it.
    nlp.tokenizer.url_match = None
    return nlp


def model_info(name: str = FRENCH_MODEL) -> tuple[str, str]:
    """(name, version) of the model for provenance, without loading it."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return name, version(name.replace("_", "-"))
    except PackageNotFoundError:
        return name, "unknown"
