"""A nationality word on the thing an act falls on: the thing's country is the recipient.

PLOVER's gold sentences code the recipient of "criticised the Iranian nuclear programme",
"lifted the ban on Indian television channels", "suspended aid to the Syrian humanitarian
group" as the country the thing belongs to, and PETRARCH's country dictionary codes the
nationality adjective inside such a phrase as its country. ``actor_agents.national_target``
does so for the nouns of its word lists (people, vessels, goods, acts); this does it for any
common noun where an act's recipient stands, whatever the noun: the object of a verb, the
subject of a passive one, or the object of a preposition by which a phrase names whom it
concerns ("on", "against", "of", "to", "for", "with", "from"), and their conjuncts. The
word becomes a mention of its country (``country_source`` "text": the country is named by
the text's own word), and the event stage finds it through the noun as it finds any
modifier's actor (``events.phrase_owners.ids_for``). Only a country the text names:
a bare "the election" stays without one.

Source: PLV train part, 776 marked targets of which 87 overlap no actor mention of ours;
13 of those hold a nationality word, 8 of them on a thing no word list names ("Greek refugee
camps" twice, "the Syrian humanitarian group", "Indian television channels", "a military
solution for Syrian crisis", "the Brazilian wild", ...); tests/data/actor_countries_more.tsv's
train rows: 3 of its 5 span_missed recipients.

Not a place phrase ("in", "at", "near": where, not whom), not a time, amount or currency
("the Chinese New Year", "Iraqi dinars", "the high US dollar exchange rate"), and not a
subject (who acts is read elsewhere).
"""

from __future__ import annotations

from .actor_agents import nationality_word
from .actor_table import ActorTable, is_currency_modifier
from .syntax import tokens_with_pos

# Prepositions by which a phrase names whom an act concerns (cf. events.phrase_owners.OWNER_PREPS,
# less the places "in", "into", "at" and the doers "by").
RECIPIENT_PREPS = ("on", "upon", "against", "of", "to", "for", "with", "from")
# Dependencies of an argument of a verb that can be an act's recipient.
ARGUMENT_DEPS = ("dobj", "nsubjpass", "dative")
# Entity labels of nouns that are no thing of a country's: times and amounts.
NOT_THINGS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "LANGUAGE"}


# Prepositions that place what follows: a phrase under one is where, not whom ("protested
# outside of the house of a Cuban pastor").
PLACE_PREPS = {"in", "at", "near", "outside", "inside", "within", "around", "across", "throughout",
               "along", "off", "beside", "behind", "into", "onto", "through", "toward", "towards"}


def recipient_slot(tok) -> bool:
    """Whether the noun ``tok`` stands where an act's recipient stands: a verb's object or
    passive subject, or the object of a recipient preposition (or a conjunct of one), and
    no place preposition stands between it and its verb."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if not (tok.dep_ in ARGUMENT_DEPS or tok.dep_ == "pobj" and tok.head.lower_ in RECIPIENT_PREPS):
        return False
    node = tok.head
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        if node.dep_ == "prep" and node.lower_ in PLACE_PREPS or node.lower_ in PLACE_PREPS:
            return False
        node = node.head
    return True


def national_things(table: ActorTable) -> None:
    """Each common noun in a recipient's place whose own nationality word no source has
    claimed: the word is a mention of its country."""
    for tok in tokens_with_pos(table.doc, "NOUN"):
        if tok.i in table.claimed or tok.ent_type_ in NOT_THINGS or not recipient_slot(tok):
            continue
        if any(is_currency_modifier(t) for t in tok.doc[tok.left_edge.i:tok.i]):
            continue  # "the US dollar exchange rate": the parse may hang "US" on "dollar"
        nationality_word(table, tok)
