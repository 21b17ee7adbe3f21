"""Observers are not attackers: who sees, hears, records or reports violence is a source.

PLOVER manual: the actor is who carries out the act; CAMEO/PETRARCH code the party of a
report verb as the source of the report, not as a party to what it reports. A monitor that
"observed a total of 6 explosions near X" (the OSCE SMM's daily form, 166 train-part notes
of acled/train.jsonl) or police who "recorded two shootings" tell of violence they did not
do: the event stays, its actor becomes unknown unless another is named.
"""

from __future__ import annotations

from communique.word_lists import word_list

from .tree import lemma, subjects

OBSERVING_VERBS = word_list("observing_verbs")
VIOLENT_TYPES = frozenset({"ASSAULT", "FIGHT"})
# links inside a noun phrase, climbed from the event noun to the phrase's head:
# "a total of 6 explosions", "shelling and explosions", "ceasefire violations"
_PHRASE_LINKS = ("pobj", "prep", "conj", "compound", "appos", "nmod")


def observing_verb(tok):
    """The perception or report verb (``observing_verbs``) whose object phrase holds ``tok``,
    an event noun, or None. Passive too: "explosions were heard"."""
    t = tok
    for _ in range(8):
        if t.dep_ in ("dobj", "obj", "nsubjpass") and t.head.pos_ in ("VERB", "AUX") \
                and lemma(t.head) in OBSERVING_VERBS:
            return t.head
        if t.dep_ not in _PHRASE_LINKS or t.head is t or t.head.pos_ in ("VERB", "AUX"):
            return None
        if t.dep_ == "prep" and t.lower_ != "of":
            return None
        t = t.head
    return None


def observer_ids(verb, token_actor) -> set[str]:
    """The actors of the verb's subject (or of its passive "by" phrase)."""
    who = list(subjects(verb)) if not any(c.dep_ == "nsubjpass" for c in verb.children) else []
    who += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return {token_actor[t.i] for w in who for t in w.subtree if t.i in token_actor}


def drop_observers(events, doc, token_actor) -> int:
    """Take the observers out of the actors of each violent event told as what they saw,
    heard, recorded or reported. Returns how many events lost an actor."""
    changed = 0
    for e in events:
        if e.type not in VIOLENT_TYPES or not e.actor_ids:
            continue
        verb = observing_verb(doc[e.trigger_token])
        if verb is None:
            continue
        seen_by = observer_ids(verb, token_actor)
        kept = [i for i in e.actor_ids if i not in seen_by]
        if len(kept) != len(e.actor_ids):
            e.actor_ids = kept
            changed += 1
    return changed
