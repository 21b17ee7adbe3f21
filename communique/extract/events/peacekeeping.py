"""The country a peacekeeping force serves, as the recipient of an act done for the force.

"Vietnam is ready to contribute more to United Nations peacekeeping operations in Syria",
"agreed to an expansion of its peacekeeping force in Afghanistan": the force is no party
the act is aimed at but the means of it; the act is for the country the force is "in".
PETRARCH's CAMEO.2.0 verb dictionary reads peacekeepers so, as part of the verb phrase and
not its target ("- * &PKO [0334] # SEND", "- * PEACEKEEPERS [074] # DEPLOY"; CAMEO 074,
provide military protection or peacekeeping: to the country that receives it). Train parts
(PLV train.tsv and ConfliBERT ner_train.txt, 6 distinct sentences of a peacekeeping force,
operation, mission or plan "in" a country): the 5 of an act for the force (contribute to it,
expand it, take part in it) mark that country as the target, none the organisation the force
belongs to; the sixth, a demand made of the force itself (REQUEST), marks the force.
"""

from __future__ import annotations

from communique.word_lists import word_list

from .tree import lemma, pobjs, prep_children

PEACEKEEPING_WORDS = word_list("peacekeeping_words")
# Acts done for a force, not against it: peacekeepers attacked, expelled or sanctioned are
# themselves at the receiving end ("militants attacked a peacekeeping base in Mali").
FOR_TYPES = {"AGREE", "SUPPORT", "AID", "COOPERATE", "MOBILIZE", "CONSULT", "CONCEDE"}
_MODIFIERS = ("compound", "amod", "nmod")


def is_peacekeeping(tok) -> bool:
    """A noun that names peacekeepers or their force, mission, operation or plan: the word
    itself or one of its modifiers ("UN peacekeeping mission deployment plan")."""
    if lemma(tok) in PEACEKEEPING_WORDS or tok.lower_ in PEACEKEEPING_WORDS:
        return True
    return any(lemma(m) in PEACEKEEPING_WORDS or m.lower_ in PEACEKEEPING_WORDS
               for c in tok.children if c.dep_ in _MODIFIERS and c.i < tok.i for m in c.subtree)


def served_countries(event_type: str, recipients: list, token_actor) -> list:
    """The recipient tokens of an act of ``event_type``, each peacekeeping noun among them read
    as the country it serves where it names one."""
    if event_type not in FOR_TYPES:
        return recipients
    from .arguments import ids_for

    return [g for r in recipients for g in served_country(r, lambda g: bool(ids_for(g, token_actor))) or [r]]


def served_country(tok, names_actor) -> list:
    """The place a peacekeeping noun is "in" ("a peacekeeping force in Somalia"), where it names
    an actor (``names_actor``: token -> bool); else []."""
    if not is_peacekeeping(tok):
        return []
    return [x for p in prep_children(tok, ("in",)) for g in pobjs(p) for x in [g] + list(g.conjuncts)
            if x.ent_type_ in ("GPE", "LOC") and names_actor(x)]
