"""Groups of a faith's people, with no name: "Christians", "Muslims", "Muslim leaders".

PETRARCH's agents dictionary (Phoenix.agents.txt) codes the people of a faith as agents of
that faith (BUDDHIST ~BUD, CHRISTIAN ~CHR, HINDU ~HIN, JEW ~JEW, MOSLEM and MUSLIM ~MUS,
SUNNI ~MUS, HASID ~JEW; PLOVER sector REL, religious) and a plural as its singular. The
tagger takes the plural for a name ("Christians" NNPS), which the generic-agent reading
(``actor_agents``) left out, so "released at least 19 Christians" had no recipient. Read
here: the plural (word list ``faith_people``), and a people noun that says nothing of whom
it belongs to (word list ``unowned_people``: "leaders", "representatives") with a faith
word before it (``faith_words``: "Muslim leaders", "Christian representatives"), as a
nationality word before it says whose they are ("Iranian leaders"). Their country comes
from the sentence or the article, as a generic agent's does. The singular adjective alone
("a Christian village") and a first name ("Christian Porter") are no group.
"""

from __future__ import annotations

from communique.word_lists import word_list

FAITH_PEOPLE = word_list("faith_people")
FAITH_WORDS = word_list("faith_words")
UNOWNED_PEOPLE = word_list("unowned_people")


def faith_sector(tok) -> str | None:
    """REL for a faith's people ("Christians", "Muslims") or for unowned people a faith word
    says whose they are ("Muslim leaders"); None otherwise."""
    if tok.tag_ not in ("NNS", "NNPS") or tok.ent_type_ == "PERSON":
        return None
    if tok.lower_ in FAITH_PEOPLE and tok.text[:1].isupper():
        return "REL"
    if tok.lemma_.lower() in UNOWNED_PEOPLE and any(
            c.dep_ in ("amod", "compound") and c.lower_ in FAITH_WORDS and c.text[:1].isupper()
            for c in tok.lefts):
        return "REL"
    return None
