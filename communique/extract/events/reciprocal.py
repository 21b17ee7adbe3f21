"""The parties of an event that act together (PLOVER manual, "Compound and Reciprocal
Actors"): "In such instances [a meeting], all of the entities are considered as the actor
and no recipient is included"; a compound actor ("The United States and France ...") is one
actor with several members.

The coder splits such parties as the PLV data mark them (``sides.joint_roles``: "<s>X</s> held
talks with <t>Y</t>", "<s>X</s> and <t>Y</t> agreed"), since the pair and country scores follow
that data. ConfliBERT's span data mark them reciprocal instead (R, which its scorer counts
as a source): ``reciprocal_ids`` names the recipients that are such co-actors, for a view
that follows the manual.

- A meeting (a CONSULT event whose trigger is a word of meeting, ``meeting_triggers``: "X met
  Y", "X held talks with Y", "X hosted Y"): all its recipients. ConfliBERT NER train part:
  12 of 12 sentences whose main event is such a meeting with a recipient mark both parties R.
- A recipient that the sentence names in one coordination with an actor ("The US and China
  signed", "The armies of Brazil and Argentina performed
  joint war games"): the compound actor. ConfliBERT NER train part: 9 of 9 such main
  events mark the whole coordination R.
"""

from __future__ import annotations

from communique.word_lists import word_list

MEETING_TRIGGERS = word_list("meeting_triggers")


def reciprocal_ids(event, doc, token_actor) -> list[str]:
    """The recipient ids of ``event`` that are co-actors of a meeting or of a compound
    actor, in ``event.recipient_ids`` order; ``token_actor`` maps token index -> actor id."""
    if not event.recipient_ids or not event.actor_ids:
        return []
    if event.type == "CONSULT" and doc[event.trigger_token].lemma_.lower() in MEETING_TRIGGERS:
        return list(event.recipient_ids)
    actors = set(event.actor_ids)
    sent = doc[event.trigger_token].sent
    return [rid for rid in event.recipient_ids
            if any(token_actor.get(t.i) == rid and _joined(t, actors, token_actor) for t in sent)]


def _joined(tok, actors, token_actor) -> bool:
    """``tok`` is a conjunct whose chain of conjunct heads reaches a token of an actor, or the
    noun whose "of" the chain hangs on ("The armies of Brazil and Argentina")."""
    n = 0
    while tok.dep_ == "conj" and tok.head.i != tok.i and n < 20:
        tok, n = tok.head, n + 1
        if token_actor.get(tok.i) in actors:
            return True
    if n and tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.dep_ == "prep":
        return token_actor.get(tok.head.head.i) in actors
    return False
