"""People named by what they are who protest: "cleaners protested", "a group of dockers
demonstrated", "cancer patients staged a protest". Only people protest (PLOVER PROTEST: the
actor is who protests; ACLED codebook: protesters are civilians), so the plural noun that
protests is a crowd of people even where no table names the noun: its sector is that of
``sectors.tsv`` ("merchants" BUS, "doctors" MED) else civilians (CVL), its country from its
sentence or the article (``ActorTable.context_country``), as for generic agents."""

from __future__ import annotations

from .. import kb
from ..word_lists import word_list
from .actor_table import ActorTable, Proto

PROTEST_VERBS = word_list("protest_verbs")
PROTEST_NOUNS = word_list("protest_nouns")
STAGING_VERBS = word_list("staging_verbs")
# Heads by which a crowd is counted or gathered: "a group of dockers", "hundreds of cleaners".
CROWD_COUNTS = word_list("quantifiers") | word_list("crowd_heads")


def protesting_people(table: ActorTable, tok) -> bool:
    """Add the crowd headed by the plural noun ``tok`` if it protests; say whether it did."""
    if tok.pos_ != "NOUN" or tok.tag_ != "NNS" or tok.i in table.claimed or tok.ent_type_:
        return False
    if any(c.dep_ == "poss" for c in tok.children) or tok.dep_ in ("compound", "poss", "amod"):
        return False
    if not _protests(tok):
        return False
    country, source = table.country_around(tok), "text"  # "residents in Lima"
    if not country:
        country, source = table.context_country(tok)
    sector = kb.sector_of(tok.lemma_.lower()) or kb.generic_sector(tok.lemma_.lower(), table.user) or "CVL"
    start = min([c.left_edge.i for c in tok.lefts if c.dep_ in ("amod", "compound", "nmod")] + [tok.i])
    if not table.free(start, tok.i + 1):
        start = tok.i
    key = (country, sector, tok.lemma_.lower(), "crowd")
    if key not in table.org_protos:
        p = Proto(kind="group", name=table.doc[start:tok.i + 1].text, country=country, sector=sector,
                  named=False, country_source=source if country else None)
        table.org_protos[key] = p
        table.protos.append(p)
    table.add(table.org_protos[key], start, tok.i + 1)
    return True


def _protests(tok) -> bool:
    """Is the noun, or the crowd it is counted in, the one who protests: the subject of a
    protest verb or of a verb staging a protest, or a noun a protest verb was hung on
    ("a group of merchants protested" parsed as a participle of "group")?"""
    heads = [tok]
    if tok.dep_ == "conj":
        heads.append(tok.head)  # "cancer patients and their relatives staged a protest"
    for h in list(heads):
        count = h.head.head
        if h.dep_ == "pobj" and h.head.lower_ == "of" and (
                count.lemma_.lower() in CROWD_COUNTS or count.lower_ in CROWD_COUNTS):
            heads.append(count)  # the list holds "hundreds", whose lemma is "hundred"
    for h in heads:
        if h.dep_ == "nsubj" and _protest_act(h.head):
            return True
        if any(c.dep_ == "acl" and c.tag_ in ("VBN", "VBD") and c.lemma_.lower() in PROTEST_VERBS
               and not any(o.dep_ in ("dobj", "agent") for o in c.children) for c in h.children):
            return True
        root = h.sent.root
        if h.dep_ == "appos" and h.head.pos_ == "PROPN" and h.i < root.i and _protest_act(root) \
                and all(c.pos_ == "PROPN" for c in root.children if c.dep_ in ("nsubj", "nsubjpass")):
            # "in Tulum, Quintana Roo, around 30 waiters protested": the parse set the subject
            # in apposition to the place before the verb, and made the place the subject or
            # left the verb none
            return True
    return False


def _protest_act(verb) -> bool:
    """A verb of protesting with no object ("demonstrated", not "demonstrated that"), or a verb
    staging a protest ("staged a protest", "held a sit-in"), or joined to one."""
    for v in [verb] + [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"]:
        lemma = v.lemma_.lower()
        if lemma in PROTEST_VERBS and not any(c.dep_ in ("dobj", "ccomp") for c in v.children):
            return True
        if lemma in STAGING_VERBS and any(
                c.dep_ == "dobj" and (c.lemma_.lower() in PROTEST_NOUNS or c.lower_ in PROTEST_NOUNS)
                for c in v.children):
            return True
    return False
