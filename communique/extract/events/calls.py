"""A call made to say something: the caller acts, the one called receives.

"Qatar's Emir called Sudanese President Omar al-Bashir on Saturday to express his support for
Sudan", "Netanyahu called Scott Morrison to congratulate him", "Tillerson called Lavrov to
discuss Syria": the act of the purpose clause is the caller's, aimed at whom they called (a
phone call is a consultation between the two, PLOVER CONSULT, and what is said in it goes
from one to the other). PLV's train part has 5 sentences of the form "X called Y to <discuss,
congratulate, express, convey ...>", and all 5 mark X as the source and Y as the target; the
parse reads "Lavrov" as the subject of "to discuss" (object control) and the target of "his
support for Sudan" as Sudan. "Called on X to ..." (an appeal: X is to act) is not this form.
"""

from __future__ import annotations

from communique.word_lists import word_list

from .tree import governing_verb, lemma, subjects

# Verbs of calling someone up.
CALL_VERBS = word_list("call_verbs")
# What a call is made to do: to say something to the one called.
CALL_PURPOSES = word_list("call_purposes")


def call_parties(tok) -> tuple[list, list] | None:
    """(callers, called) where the act at ``tok`` is the purpose of a call ("called Y to express
    his support", "called Y to discuss"), the act itself or an act noun its purpose verb takes
    as object; else None."""
    verb = tok if tok.pos_ == "VERB" else governing_verb(tok)
    if verb is None or lemma(verb) not in CALL_PURPOSES or verb.dep_ not in ("advcl", "xcomp") \
            or not any(a.dep_ == "aux" and a.lower_ == "to" for a in verb.children):
        return None
    call = verb.head
    if lemma(call) not in CALL_VERBS or any(c.dep_ in ("prt", "prep") and c.lower_ == "on" and c.i == call.i + 1
                                             for c in call.children):
        return None
    called = [o for o in call.children if o.dep_ in ("dobj", "oprd") and o.i < verb.i]
    callers = subjects(call)
    if not called or not callers:
        return None
    return callers, called
