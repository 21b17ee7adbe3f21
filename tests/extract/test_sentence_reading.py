"""Model mode: a sentence whose act the lexicon lacks gets an event from the event model
(issue 12, eleventh round; communique/extract/events/sentence_reading.py). The type and quad
heads read the sentence; where they agree and the quad head is sure, the root verb is the
trigger and the argument step and the role tagger give its actor and recipient. Sentences
written for the test, not taken from any data file."""

from __future__ import annotations

import pytest

from communique.extract.events import sentence_reading
from communique.extract.events.sentence_reading import Reading, agreed
from communique.record import Article


def _record(coder, text):
    return next(iter(coder.code_dicts([Article(text=text, id="t")])))


def _event_at(record, trigger):
    found = [e for e in record["events"] if e["trigger"]["text"] == trigger]
    return found[0] if found else None


def _countries(record, ids):
    by_id = {a["id"]: a for a in record["actors"]}
    return [by_id[i]["country"] for i in ids]


@pytest.fixture(scope="module")
def explaining():
    from communique.models.event_model import model_available

    if not model_available():
        pytest.skip("no event model is shipped")
    from communique.pipeline import Coder

    return Coder(event_model=True, explain=True)


@pytest.mark.parametrize("text, trigger, type_, actor, recipient", [
    # a verb of attack the lexicon lacks, in a text whose first sentence has a trigger (so the
    # whole-text reading for texts with no trigger does not apply)
    ("Indian police detained two Pakistani fishermen on Monday. Indian troops pummelled "
     "Pakistani posts along the Line of Control.", "pummelled", "ASSAULT", "IND", "PAK"),
    # a sentence alone: the ACLED head is not sure of it, the type and quad heads are
    ("The Turkish navy escorted Libyan ships to Misrata.", "escorted", "AID", "TUR", "LBY"),
])
def test_an_act_the_lexicon_lacks_gets_an_event(model_coder, text, trigger, type_, actor,
                                                 recipient):
    record = _record(model_coder, text)
    e = _event_at(record, trigger)
    assert e is not None and e["type"] == type_
    assert actor in _countries(record, e["actor"])
    assert recipient in _countries(record, e["recipient"])


def test_why_says_the_model_read_it(explaining):
    record = _record(explaining, "The Turkish navy escorted Libyan ships to Misrata.")
    why = _event_at(record, "escorted")["why"]
    assert why["lexicon"].startswith("none: the event model read AID in a sentence")
    assert why["type_by"] == "model" and why["lexicon_type"] is None


def test_rules_mode_makes_no_such_event(coder):
    record = _record(coder, "The Turkish navy escorted Libyan ships to Misrata.")
    assert _event_at(record, "escorted") is None


@pytest.mark.parametrize("text", [
    # a sentence that reports no act: the quad head reads class 0
    "The minister spoke about the weather on Tuesday.",
    # a state, not an act: a root verb of having (the heads read ACCUSE in the disputes)
    "Georgia and its hostile neighbour Russia have bitter territorial disputes, which the "
    "Georgian prime minister said his government would keep working to resolve.",
    # a direct quotation is the quote step's: no event at the verb of saying (the heads read
    # SUPPORT in what was said)
    "\"We respect and value our neighbours,\" Pashinyan said, adding, \"Dialogue between "
    "Yerevan and Baku revealed the depth of the ties.\"",
])
def test_a_sentence_that_reports_nothing_stays_without_event(model_coder, text):
    assert _record(model_coder, text)["events"] == []


def test_a_trigger_at_the_root_is_left_to_the_lexicon(model_coder):
    record = _record(model_coder, "Police rounded up dozens of opposition activists in Minsk.")
    assert [e["trigger"]["text"] for e in record["events"]] == ["rounded up"]


@pytest.mark.parametrize("reading, expected", [
    (Reading("ASSAULT", 0.95, 4, 0.99), "ASSAULT"),
    (Reading("AID", 0.5, 2, 0.98), "AID"),
    (Reading("AID", 0.45, 2, 0.98), None),
    (Reading("YIELD", 0.9, 2, 0.95), "CONCEDE"),
    # the quad head says no event, or is not sure
    (Reading("CONSULT", 0.9, 0, 0.95), None),
    (Reading("ASSAULT", 0.9, 4, 0.85), None),
    # the heads disagree on the class: ASSAULT is material conflict (4), not cooperation (2)
    (Reading("ASSAULT", 0.9, 2, 0.99), None),
    # the type head is at a loss
    (Reading("AID", 0.2, 2, 0.99), None),
])
def test_two_heads_must_agree(reading, expected):
    assert agreed(reading) == expected



@pytest.mark.parametrize("text, read", [
    ("The Turkish navy escorted Libyan ships to Misrata.", True),
    # an act to come or supposed: the lexicon's frames read those, not the model
    ("The Turkish navy will escort Libyan ships to Misrata.", False),
    ("The Turkish navy may escort Libyan ships to Misrata.", False),
    # being and having tell of a state
    ("The Turkish navy has two Libyan ships in Misrata.", False),
    # one mention alone: no one for the act to be between
    ("The Turkish navy withdrew.", False),
    # a negated act: the type head reads the refusal into its type (REJECT), which the
    # negation would then deny
    ("The Turkish navy did not escort Libyan ships to Misrata.", False),
    ("The Turkish navy never escorted Libyan ships to Misrata.", False),
    # the simple present tells of a habit or a state, not an act done
    ("The Turkish navy often escorts Libyan ships to Misrata.", False),
    ("The Turkish navy owns two Libyan ships.", False),
    ("The Turkish minister often mentions Libyan ships in his speeches.", False),
    # ... but a verb of saying with a reported clause stands in the present for a statement
    ("The Turkish minister says the navy escorted Libyan ships to Misrata.", True),
    # a pronoun subject: PLV marks no pronoun as an actor, the heads never read one
    ("He escorted Libyan ships to Misrata with the Turkish navy.", False),
    ("They escorted Libyan ships to Misrata.", False),
    # other tenses and aspects tell of acts
    ("The Turkish navy is escorting Libyan ships to Misrata.", True),
    ("The Turkish navy has escorted Libyan ships to Misrata.", True),
])
def test_which_sentences_the_model_reads(coder, text, read):
    doc = coder.nlp(text)
    # the noun phrases stand for actors, as the eval's chunk actors do
    token_actor = {t.i: str(chunk.start) for chunk in doc.noun_chunks for t in chunk}
    sent = next(iter(doc.sents))
    assert (sentence_reading.plausible(sent, token_actor) is not None) == read


@pytest.mark.parametrize("second, trigger", [
    # negated: the type head reads the refusal (REJECT), the negation would deny it
    ("The Pakistani premier did not want the Indian envoy in Islamabad.", "want"),
    # the simple present: a state or a habit
    ("The Pakistani navy owns two Indian ships.", "owns"),
    ("The Pakistani premier often mentions the Indian prime minister in his speeches.",
     "mentions"),
])
def test_no_event_where_the_sentence_tells_of_no_act_done(model_coder, second, trigger):
    # a first sentence with a trigger: the whole-text reading for texts with none stays out
    text = "Indian police detained two Pakistani fishermen on Monday. " + second
    assert _event_at(_record(model_coder, text), trigger) is None
