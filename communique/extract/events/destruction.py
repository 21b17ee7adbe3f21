"""Destruction told beside harm to people is no property destruction of its own.

ACLED codebook, Strategic developments / Looting/property destruction: looting or destroying
property "outside the context of other forms of violence"; where the perpetrators also kill,
injure or abduct people, the event is that violence (violence against civilians, or a battle
where the people hurt fought back). The lexicon reads "set fire to", "looted", "destroyed" as
ASSAULT ``destroy`` (CAMEO 1712, 180), which the ACLED table reads as looting/property
destruction; :func:`reading` takes the ``destroy`` mode back off where the act's paragraph tells
of people killed or injured (:func:`communique.extract.fatalities.casualties`: a stated zero,
"no one was injured", is no harm) or abducted (word list ``abduction_words``). The ASSAULT
with no mode is then read by who it fell on, as any other (``find._mob_or_one_sided``).

Train part of the ACLED notes: 35 of the 38 notes that tell of property burnt, looted or
destroyed and have a word of harm (killed, injured, abducted, shot ...) are violence against
civilians, battles or remote violence, not strategic developments; the 3 others say that no one
was hurt ("No people were reported injured or killed"), which this step reads as no harm. Model mode's sure strategic-development
reading already stood back where its own sentence tells of harm (``acled_reading.take``, ``hurt``);
this step reads the whole paragraph, in both modes.
"""

from __future__ import annotations

from communique.extract.fatalities import casualties
from communique.extract.syntax import doc_text
from communique.word_lists import word_list

from .model import cameo_for
from .tree import lemma

__all__ = ["beside_harm", "reading"]

# words of people taken (ACLED codebook: abduction/forced disappearance is violence against
# civilians)
ABDUCTION_WORDS = word_list("abduction_words")


def beside_harm(tok) -> bool:
    """Whether the paragraph of the act whose trigger is ``tok`` tells of people killed, injured
    or abducted (counts told of another act in the trigger's own sentence left out)."""
    text = doc_text(tok.doc)
    paragraph = text.rfind("\n", 0, tok.sent.start_char)  # the offset of the newline before it
    for sent in tok.doc.sents:
        if text.rfind("\n", 0, sent.start_char) != paragraph:
            continue
        own = sent.start == tok.sent.start
        if any(casualties(sent, tok if own else None)):
            return True
        if any(lemma(t) in ABDUCTION_WORDS for t in sent):
            return True
    return False


def reading(type_: str, mode: str | None, cameo: str | None, tok) -> tuple[str, str | None, str | None]:
    """(type, mode, CAMEO) of an event after this step: an ASSAULT ``destroy`` beside harm to
    people (:func:`beside_harm`) loses its mode; any other reading is returned as it is."""
    if (type_, mode) != ("ASSAULT", "destroy") or not beside_harm(tok):
        return type_, mode, cameo
    return type_, None, cameo_for(type_, None, cameo)
