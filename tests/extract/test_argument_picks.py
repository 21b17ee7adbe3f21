"""Issue 12, sixth round: which phrase is the main event's actor or recipient, with every
noun phrase a candidate actor (as `communique eval --ner` / `--plv` score spans). Sentences
are our own; the expected phrases were worked out by hand."""

from __future__ import annotations

import pytest

from communique.evaluate.cameo import ChunkActors, main_event
from communique.extract.events import find_events
from communique.lexicon import load_lexicon


def _main_roles(nlp, text):
    doc = nlp(text)
    actors = ChunkActors(doc)
    e = main_event(find_events(doc, actors, load_lexicon()), doc)
    assert e is not None, text

    def names(ids):
        return [doc.text[slice(*actors.spans[i])] for i in ids if i in actors.spans]
    return e.type, names(e.actor_ids), names(e.recipient_ids)


# A pronoun subject of a reported clause is the one who reports it, before the pronoun's
# own reading; "he" / "she" only for a person who says it.
@pytest.mark.parametrize("text,actor,recipient", [
    ("Farc has said it will release the hostages.", "Farc", "the hostages"),
    ("The rebels said they would free two soldiers.", "The rebels", "two soldiers"),
    ("The ministry said it had expelled two Russian diplomats.", "The ministry", "two Russian diplomats"),
    ("President Joe Biden said he will lift sanctions on Iran.", "President Joe Biden", "Iran"),
    ("The foreign minister said he would meet his Chinese counterpart.", "The foreign minister",
     "his Chinese counterpart"),
    # not the sayer: police are no "he", rebels no "it"
    ("Police said he had attacked the convoy.", "he", "the convoy"),
    ("The rebels said it had attacked the convoy.", "it", "the convoy"),
])
def test_a_reported_pronoun_is_the_sayer(nlp, text, actor, recipient):
    _, actors, recipients = _main_roles(nlp, text)
    assert actors == [actor], (actors, recipients)
    assert recipients == [recipient], (actors, recipients)


# The armed men mobilized are what is sent, not its recipient; the target of what they are
# mobilized for is ("mobilized troops for an offensive against X").
@pytest.mark.parametrize("text,recipient", [
    ("Israel mobilized its army for a ground assault against Gaza.", "Gaza"),
    ("Turkey mobilized troops for an offensive against Kurdish fighters.", "Kurdish fighters"),
    ("Russia deployed soldiers for a war against Ukraine.", "Ukraine"),
])
def test_what_is_mobilized_is_no_recipient(nlp, text, recipient):
    etype, _, recipients = _main_roles(nlp, text)
    assert etype == "MOBILIZE"
    assert recipients == [recipient], recipients


# A second object after a comma is the parser's misreading of an apposition: the place or
# party before the comma receives, the description is no recipient of its own.
def test_an_apposition_read_as_a_second_object_is_no_recipient(nlp):
    _, actors, recipients = _main_roles(
        nlp, "Estonia is sending an infantry platoon to Mali , its largest ever contribution to a foreign mission .")
    assert (actors, recipients) == (["Estonia"], ["Mali"])
