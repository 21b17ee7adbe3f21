"""A place an act is aimed at, or moves from or to, stands for its country.

"withdrew peacekeepers from Sinai", "suspended aid to Gaza", "airstrikes on militant targets
in the Gaza Strip", "intensified its forces in a number of areas in Mosul city": PETRARCH and
PLOVER code a place that is an event's target by its country (CAMEO codes a located target by
the country it lies in), and PLV marks such a place as the target where the sentence names no
other party. Of the PLV train part's gold targets, 36 held a place and no actor of ours
before this module (rules mode); in the first two positions below are 9 of them, and 7 become the event's
target (Gaza, Sinai, the Golan Heights, Boztepe, "militant targets in the Gaza Strip", "a
government compound in western Badghis province", "a government building in Kabul"); one target
already found is lost ("returned ... to Venafro, Italy"), and no gold source changes.

The place (below country level: a country is already its own actor) gets its country's actor
over its words in three positions:

- the object of to / from / into hung on a word that is not one of going somewhere ("flew to
  Srinagar" is a destination, not a party: ``journey_words``) nor a person ("a man from Kano");
- the object of in / across / throughout hung on a noun naming a site or target that an act
  falls on ("targets", "areas", "a base", "a compound": ``place_target_nouns`` and the site
  lists), never on a verb or an act ("held a meeting in Mosul": where it was held);
- a modifier of the noun an act falls on, that noun the object of a verb or a preposition and
  no party itself ("condemned the Quetta suicide attack", "an inquiry into the Queensland
  school injuries", "rejected the Kirkuk council decision", "an ultimatum to Damascus" parsed
  "Damascus warning"): on the PLV train part this makes 6 gold targets the event's target
  (Queensland, Quetta, Gloversville, Kirkuk twice, Damascus) and changes no other gold target
  or source.

The event stage decides whether the act falls on it (``events.arguments``: the owner of the
object's phrases, where the sentence names no other recipient).
"""

from __future__ import annotations

from communique.word_lists import word_list

from .actor_table import PERSON_NOUNS, ActorTable, add_place, place_span

# Prepositions of where an act goes or comes from.
MOTION_PREPS = {"to", "from", "into"}
# Prepositions of where a site lies.
SITE_PREPS = {"in", "across", "throughout"}
# Words of going somewhere: "flew to Srinagar" is where one goes (``actor_table.JOURNEY_WORDS``).
JOURNEY_WORDS = word_list("journey_words")
# Nouns naming a site or target that an act falls on, which lies in a place.
TARGET_SITES = (word_list("place_target_nouns") | word_list("place_part_nouns") | word_list("site_nouns")
                | word_list("armed_places") | word_list("civilian_sites"))
# Nouns naming some of a place: "parts of Kashmir", "areas of Darfur", "Mosul city".
PLACE_PARTS = word_list("place_part_nouns") | {"city", "province", "state"}


def place_of_act(table: ActorTable, hit) -> bool:
    """Add the country of a place an act goes to or from, or of a site it falls on, as an
    actor over the place."""
    found = place_span(table, hit, PLACE_PARTS)
    if found is None:
        return False
    span, root = found
    if root.dep_ == "compound" and root.head.lemma_.lower() in PLACE_PARTS:
        root = root.head  # "Mosul city"
    if root.dep_ == "compound":
        return _place_of_thing(table, span, root, hit.country)
    if root.dep_ != "pobj":
        return False
    prep, head = root.head.lower_, root.head.head
    if prep in MOTION_PREPS:
        if head.lemma_.lower() in JOURNEY_WORDS or head.lower_ in JOURNEY_WORDS:
            return False
        if head.pos_ in ("NOUN", "PROPN") and _party(table, head):
            return False  # "a man from Kano"
    elif prep in SITE_PREPS:
        if head.pos_ != "NOUN" or head.lemma_.lower() not in TARGET_SITES or head.i in table.claimed:
            return False
    else:
        return False
    add_place(table, span, hit.country)
    return True


def _place_of_thing(table: ActorTable, span, root, iso3: str) -> bool:
    """A place naming the thing an act falls on, as the noun's modifier: "condemned the Quetta
    attack", "an inquiry into the Queensland school injuries", "rejected the Kirkuk council
    decision": the thing is the object of a verb or a preposition, and no party itself."""
    head = root
    while head.dep_ == "compound" and head.head.i > head.i:
        head = head.head
    if head.dep_ not in ("dobj", "pobj") or head.pos_ != "NOUN" or _party(table, head) \
            or any(table.claimed.get(k) for k in range(span.end, head.i + 1)):
        return False
    add_place(table, span, iso3)
    return True


def _party(table: ActorTable, tok) -> bool:
    """Is ``tok`` a person, body or named thing (an actor, or a person noun)?"""
    return tok.i in table.claimed or tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE", "LOC", "FAC") \
        or tok.lemma_.lower() in PERSON_NOUNS or tok.lower_ in PERSON_NOUNS
