"""The model's paragraph readings (``paragraph_before``, ``paragraph_rest``) read the text the
doc was parsed from (``syntax.keep_text``), not ``Doc.text``, which spaCy rebuilds token by
token on every access: twice per sentence the model reads, 5% of model mode's time after the
parse on 40 PolNeAR articles."""

import spacy

from communique.extract.events.model import paragraph_before, paragraph_rest
from communique.extract.syntax import keep_text

TEXT = "Curfew in the north: On Monday, crowds marched in Arta. Police fired tear gas. " \
       "Two were hurt.\nTalks resume next week."


def _doc(text=TEXT):
    doc = spacy.blank("en")(text)
    starts = {"On", "Police", "Two", "Talks"}
    for t in doc:
        t.is_sent_start = t.i == 0 or t.text in starts
    return doc


def _sent(doc, first_word):
    return next(s for s in doc.sents if s[0].text == first_word)


def test_paragraph_readings_of_a_sentence():
    doc = _doc()
    keep_text(doc, TEXT)
    march = _sent(doc, "On")
    assert paragraph_before(march) == "Curfew in the north: "
    assert paragraph_rest(march) == " Police fired tear gas. Two were hurt."
    # a sentence that holds a candidate stops the setting before the next one
    police = _sent(doc, "Police")
    assert paragraph_before(police, held={march.start}) == ""
    assert paragraph_rest(_sent(doc, "Talks")) == ""  # ends its paragraph
    assert paragraph_before(_sent(doc, "Talks")) == ""  # opens one


def test_paragraph_readings_come_from_the_kept_text():
    doc = _doc()
    # the kept text stands for the text the doc was parsed from; a same-length variant
    # shows which one is read (Doc.text would give the lower-case words)
    kept = TEXT.replace("Police fired tear gas", "POLICE FIRED TEAR GAS")
    keep_text(doc, kept)
    assert paragraph_rest(_sent(doc, "On")) == " POLICE FIRED TEAR GAS. Two were hurt."
    assert paragraph_before(_sent(doc, "Two")).startswith("Curfew in the north: On Monday")
    assert "POLICE" in paragraph_before(_sent(doc, "Two"))
