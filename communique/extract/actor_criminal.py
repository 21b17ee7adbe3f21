"""Victims a note ties to an armed criminal group: their sector is criminal (CRM), not civilian.

ACLED's codebook codes a clash between an armed, organised group and its rivals or the state
as a battle, and counts gangs and drug-trafficking groups among such groups; CAMEO/PETRARCH's
agents dictionary (Phoenix.agents.txt) gives drug traffickers, gangs and their members the
criminal sector ``~CRM``. A note that first tells of an unnamed person killed ("a man was shot
to death by two armed men") and then ties the victim to one ("The victim had charges against
him for drug trafficking", "The victim was involved in a gang") tells of an attack on a member
of such a group, not on a civilian (train part of the ACLED dev notes: 4 of the 5 notes this
form reaches are battles; the fifth, a victim "with a criminal record", ACLED codes as violence
against civilians). The civilian actors told of up to that sentence take sector ``CRM``.

The form: a sentence whose subject is a victim word (``criminal_victim_subjects``: "the
victim", "the deceased"), with a word of a charge or a tie (``criminal_tie_words``: charged,
convicted, involved, member ...) before a word of an armed criminal group's business
(``criminal_group_words``: trafficking, gang ...). A victim killed *by* a gang ("the victim
was killed by gang members") is no member of it: no tie word, no change.
"""

from __future__ import annotations

from communique.word_lists import word_list

VICTIM_SUBJECTS = frozenset(word_list("criminal_victim_subjects"))
TIE_WORDS = frozenset(word_list("criminal_tie_words"))
GROUP_WORDS = frozenset(word_list("criminal_group_words"))
SUBJECTS = ("nsubj", "nsubjpass")


def _ties(sent) -> bool:
    """Whether the sentence's victim subject is tied to an armed criminal group."""
    if not any(t.dep_ in SUBJECTS and t.lemma_.lower() in VICTIM_SUBJECTS for t in sent):
        return False
    tie = next((t.i for t in sent if t.lemma_.lower() in TIE_WORDS or t.lower_ in TIE_WORDS), None)
    return tie is not None and any(t.i > tie and (t.lemma_.lower() in GROUP_WORDS or t.lower_ in GROUP_WORDS)
                                   for t in sent)


def criminal_victims(doc, result) -> None:
    """Give sector ``CRM`` to the civilian actors of ``result`` (an ``ActorResult``) told of up
    to a sentence that ties the victim to an armed criminal group (module docstring)."""
    end = next((s.end_char for s in doc.sents if _ties(s)), None)
    if end is None:
        return
    for actor in result.actors:
        if actor.sector == "CVL" and actor.kind in ("person", "group") and actor.mentions \
                and min(m.start for m in actor.mentions) < end:
            actor.sector = "CRM"
