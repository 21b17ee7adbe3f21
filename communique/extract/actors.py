"""Actors: who is named, described or referred to, resolved to country and sector.

Mentions come from five sources, in this order of trust:

1. knowledge-base names (countries, their aliases, organisations, armed groups),
   and capitals used as governments ("Tehran said": metonymy);
2. spaCy PERSON entities, with the title before them ("Foreign Minister X")
   or an appositive after them ("X, Iran's foreign minister");
3. other ORG entities, with country and sector from their words;
4. descriptions: a determiner or nationality word plus a person noun
   ("the senior diplomat", "The Iranian official", "Iran FM"), national bodies
   ("German police") and generic agents with no country word ("police",
   "gunmen", "a court", "a man": data/generic_agents.tsv), whose country comes
   from the one country their sentence names, else the article's dateline or
   dominant country (``country_source`` says which);
5. personal pronouns ("he", "him", "his").

Descriptions and pronouns are resolved to the person they refer to by
compatibility (country, role) and salience (recency, subject position).
No coreference model is involved. A country that cannot be told stays None.
Nothing inside an article's dateline ("THE HAGUE, Netherlands --") is a mention.

The stage is split by job: ``actor_table`` holds the actors found so far and the
tokens they claim; ``actor_names`` reads names (sources 1-3), ``actor_titles``
the words around them, ``actor_agents`` national bodies and generic agents
(source 4), ``actor_coref`` descriptions and pronouns (4 and 5).
"""

from __future__ import annotations

from ..kb import UserActors
from .actor_agents import attacked_place, national_body, national_target
from .actor_controls import controlled_place
from .actor_criminal import criminal_victims
from .actor_led import led_by_country
from .actor_place_targets import place_of_act
from .actor_relations import relation_holders
from .actor_things import national_things
from .actor_truces import truce_place
from .actor_joint import shared_bodies, shared_of_bodies
from .actor_crowds import protesting_bodies, protesting_people
from .actor_coref import (FEMALE, MALE, description, merge_descriptions, resolve_description, served_bodies,
                          resolve_pronoun)
from .actor_names import knowledge_base_names, organizations, people
from .actor_table import PERSON_NOUNS, ActorResult, ActorTable
from .actor_victims import attacked_settlements
from .syntax import tokens_with_pos

__all__ = ["ActorResult", "PERSON_NOUNS", "find_actors"]

PRONOUNS = MALE | FEMALE


def find_actors(doc, place_hits=(), user_actors: UserActors | None = None) -> ActorResult:
    """Every actor in ``doc`` with all its mentions, resolved to country and sector.

    Args:
        place_hits: the place stage's places.
        user_actors: the Coder's user actors (``kb.UserActors``), read before the
            shipped knowledge base; None for the shipped one alone.
    """
    table = ActorTable(doc, place_hits, user_actors)
    knowledge_base_names(table)
    people(table)
    organizations(table)
    led_by_country(table)
    _references(table)
    relation_holders(table)  # "Kremlin critics": not Russia
    protesting_bodies(table)  # "the Kisan Committee staged a protest": civilians
    shared_bodies(table)  # "Nigerian and British armed forces": each country's side
    shared_of_bodies(table)  # "military forces of India and Pakistan": each country's force
    for hit in table.place_hits:
        (attacked_place(table, hit) or controlled_place(table, hit) or truce_place(table, hit)
         or place_of_act(table, hit))
    attacked_settlements(table)  # "attacked Namava (Pemba-Metuge, Cabo Delgado)": its people
    national_things(table)  # "criticised the Iranian nuclear programme": Iran
    result = table.result()
    criminal_victims(doc, result)  # "The victim had charges for drug trafficking": CRM, not CVL
    return result


def _references(table: ActorTable) -> None:
    """Descriptions, national bodies, generic agents and pronouns, in text order."""
    headline = []
    # the two helpers and the pronoun test look at nouns, names and pronouns only
    for tok in tokens_with_pos(table.doc, "NOUN", "PROPN", "PRON", "NUM"):
        if tok.pos_ == "NUM":  # "dozens staged a sit-in": a count that is a crowd
            protesting_people(table, tok)
            continue
        desc = description(table, tok)
        if desc is None:
            if national_body(table, tok) or protesting_people(table, tok):
                continue
        if desc is not None:
            if tok.i < table.body_start:
                headline.append(desc)
            else:
                resolve_description(table, *desc)
        elif tok.lower_ in PRONOUNS and tok.pos_ == "PRON" and tok.i >= table.body_start:
            resolve_pronoun(table, tok)
    for desc in headline:  # a headline names people the body introduces
        resolve_description(table, *desc, anywhere=True)
    merge_descriptions(table)
    served_bodies(table)
    for tok in tokens_with_pos(table.doc, "NOUN", "VERB"):  # what is left: "a Yemeni school bus"
        national_target(table, tok)
