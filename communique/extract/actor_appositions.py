"""A name the tagger took for a body that an apposition says is a person: "Jotyar Adil, the
KRG's official spokesperson, condemned ...", "Nirmal Jain, Leader of the House of the East
Delhi Municipal Corporation, said ...".

spaCy's small model tags some people's names ORG. A name of capitalised proper nouns only,
with no organisation word and no knowledge-base entry, whose apposition is headed by an
office or person noun (``PERSON_NOUNS``: spokesperson, leader, minister ...) names the person
who holds it: ``actor_names.people`` reads it as a person, with the apposition's country
(``actor_titles.appositive``), not as a body of the sentence's one country. PLV's and
ConfliBERT's train parts: 3 sentences of the form (2 distinct), each a person.
"""

from __future__ import annotations

from .. import kb
from ..word_lists import word_list
from .actor_table import PERSON_NOUNS, ActorTable

ORG_WORDS = word_list("org_words")


def titled_names(table: ActorTable) -> list:
    """The ORG entities of ``table``'s document that name a person by their apposition."""
    found = []
    for ent in table.ents:
        if ent.label_ != "ORG" or len(ent) < 2:
            continue
        if not all(t.pos_ == "PROPN" and t.is_title for t in ent):
            continue
        if any(t.lower_ in ORG_WORDS or kb.sector_of(t.lower_) for t in ent) \
                or kb.lookup(ent.text, table.user):
            continue
        if any(c.dep_ == "appos" and c.i > ent.end and (c.lemma_.lower() in PERSON_NOUNS or c.lower_ in PERSON_NOUNS)
               for c in ent.root.children):
            found.append(ent)
    return found
