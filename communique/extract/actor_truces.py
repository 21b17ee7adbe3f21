"""Places a ceasefire is declared in, or arms laid down in, stand for their country.

"Haftar has declared a ceasefire in Tripoli", "the fighters will lay down their arms in
Mazar-i-Sharif": PLOVER's CONCEDE (ceasefire, disarmament; CAMEO 0871 declare ceasefire, 0872
ease military blockade, 0873 demobilize armed forces) falls, where no party is named, on the
place it is made in (``events.arguments._more_recipients``: "agreed to lay down their weapons
in eastern Lebanon"); PETRARCH codes that place by its country. The knowledge base names a
country; a place below it (a city, a province) needs its country's actor over its words, as a
place under a control measure gets one (``actor_controls``). Train parts (PLV train.tsv and
ConfliBERT ner_train.txt): of the 6 sentences of a ceasefire or of arms laid down "in" a place
below country level, 5 mark the place as the target (Tripoli, Idlib, Mazar-i-Sharif, the
Hodeidah region, Karabakh); the sixth marks the party whose ceasefire it is ("violated
Philippine's holiday ceasefire in Compostela Valley"), which the event stage names first.
"""

from __future__ import annotations

from communique.word_lists import word_list

from .actor_table import ActorTable, add_place, place_span
from .syntax import hyphened_word

# Nouns of a ceasefire: "ceasefire", "truce", "armistice" ("cease-fire": its "fire").
TRUCE_WORDS = word_list("truce_words")
# What is laid down: "laid down their arms / weapons".
ARMS = {"arm", "arms", "weapon", "weapons"}
PLACE_PARTS = word_list("place_part_nouns")


def truce_place(table: ActorTable, hit) -> bool:
    """Add the country of a place a ceasefire is declared in, or arms are laid down in, as an
    actor over the place."""
    found = place_span(table, hit, PLACE_PARTS)
    if found is None:
        return False
    span, root = found
    if root.dep_ != "pobj" or root.head.lower_ != "in" or not _truce_at(root.head.head):
        return False
    add_place(table, span, hit.country)
    return True


def is_truce(tok) -> bool:
    """"ceasefire", "truce", "armistice", "cease-fire" (tokenized "cease - fire")."""
    return tok.lemma_.lower() in TRUCE_WORDS or tok.lower_ in TRUCE_WORDS or hyphened_word(tok) in TRUCE_WORDS


def _truce_at(head) -> bool:
    """Does the word "in" hangs on name a ceasefire, or declare one or lay down arms: the
    truce itself, the verb whose object it is ("declared a ceasefire ... in Tripoli"), or
    "lay down" with arms as its object?"""
    if is_truce(head):
        return True
    if head.pos_ != "VERB":
        return False
    objs = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
    if any(is_truce(o) for o in objs):
        return True
    laid_down = head.lemma_.lower() == "lay" and any(c.dep_ == "prt" and c.lower_ == "down" for c in head.children)
    return laid_down and any(o.lemma_.lower() in ARMS or o.lower_ in ARMS for o in objs)
