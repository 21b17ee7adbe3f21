"""Candidates: where the lexicon's triggers match the parse.

``find_candidates(doc, lexicon, token_actor)`` walks the tokens, tries each
lexicon entry for the token's lemma and part of speech (most specific first)
and checks the entry's constraint language (``obj:``, ``prep:``, ``needs:`` ...,
see the header of ``data/event_lexicon.tsv``) against the parse. Demands and
blame made in reported speech ("Russia says Israel must end attacks") are
candidates of their own kind. ``attach_frames`` then folds the acts a request,
threat, accusation, refusal or promise reports into that framing candidate.

A candidate only says what the trigger is; its type is decided in ``classify``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from communique.extract.syntax import tokens_where, tokens_with_pos
from communique.kb import generic_sector
from communique.lexicon import Entry, Lexicon
from communique.word_lists import word_list

from .acled_reading import ARMED_SECTORS, CIVILIAN_SECTORS
from .claims import claimed
from .doers import shot_fire
from .pattern_objects import named_in_pattern

from .tree import (LIGHT_VERBS, POLICE_SUBJECTS, REPORTING_VERBS, counted, governing_verb,
                   is_entityish, lemma, lost_passive_subject, objects, pobjs, pos_of, prep_children,
                   prep_objects, shared_objects, subjects, word_set)

# What kind of candidate: a lexicon trigger, or a demand / blame read off reported speech.
TRIGGER = "trigger"
DEMAND = "demand"
BLAME = "blame"

NON_VIOLENT_CAUSES = word_list("non_violent_causes")
CAPTIVES = word_list("captives")
METAPHOR_OBJECTS = word_list("metaphor_objects")
METAPHOR_MODIFIERS = word_list("metaphor_modifiers")
# Nouns that name an office or a state body: their plural still protests officially
# ("officials protested", "the ministries protested"; manual, ACCUSE: a diplomatic protest)
OFFICE_NOUNS = word_list("office_nouns")
LABOUR_SUBJECTS = word_list("labour_subjects")
CONFLICT_CUES = word_list("conflict_cues")
# Who gathers to protest ("hundreds of protesters gathered in Najaf"), what explodes as a weapon
# ("an IED exploded"), and what strikes from the air ("the air force targeted positions").
# places where a protest is held ("protested in the city centre", "at the main square")
PROTEST_SITES = word_list("protest_sites")
PROTESTER_SUBJECTS = word_list("protester_subjects")
# what people gather to do when they gather to protest ("gathered to demand", "demanding")
PROTEST_PURPOSES = word_list("protest_purposes")
EXPLOSIVE_SUBJECTS = word_list("explosive_subjects")
AIRCRAFT_WORDS = word_list("aircraft_words")
FUTURE_AUX = {"will", "would", "shall", "'ll", "wo"}
OCCASION_MARKS = {"after", "before", "when", "while", "as", "since", "because", "once", "until"}
BACKING_VERBS = word_list("backing_verbs")
ARMED_SUBJECT_WORDS = word_list("armed_subject_words")
# the state an attack leaves people in ("left three soldiers dead": needs:left-harmed)
HARM_STATES = word_list("harm_states")
# people who leave their country and come back to it (needs:subj-migrants)
MIGRANT_SUBJECTS = word_list("migrant_subjects")
CRITIC_SUBJECTS = word_list("critic_subjects")  # PETRARCH EXPLAIN_VERBAL "- CRITICS * [111]"

# The entries behind demand and blame candidates: what the lexicon would say for them.
DEMAND_ENTRY = Entry(lemma="must", pos="verb", type="REQUEST", mode=None, contexts=(),
                     cameo="100", args=(("frame", "request"),), source="communique")
BLAME_ENTRY = Entry(lemma="responsible", pos="adj", type="ACCUSE", mode="allege", contexts=(),
                    cameo="112", args=(("frame", "accuse"),), source="communique")


@dataclass(eq=False)
class Candidate:
    """A trigger in the text and what the lexicon says of it.

    ``kind`` is ``TRIGGER``, ``DEMAND`` or ``BLAME``; a demand or blame is made in
    reported speech and anchored on the reported clause's verb. ``took_over`` is
    the trigger a demand was made of ("North Korea must first disarm"); ``absorbed``
    the acts reported inside this one, ``framed`` whether the frame pass found them.
    ``reading`` is set once, by :func:`classify.read`.
    """

    tok: Any
    entry: Entry
    span: tuple[int, int]  # token indices, end exclusive
    kind: str = TRIGGER
    took_over: "Candidate | None" = None
    absorbed: list["Candidate"] = field(default_factory=list)
    framed: bool = False
    reading: Any = None

    @property
    def reported(self) -> bool:
        """A demand or blame read off reported speech (not a lexicon trigger)."""
        return self.kind in (DEMAND, BLAME)

    @property
    def frame(self) -> str | None:
        return self.entry.arg("frame")


# ---------------------------------------------------------------- the constraint language

def _sentence_has_conflict(tok) -> bool:
    return any(t.lower_ in CONFLICT_CUES or t.lemma_.lower() in CONFLICT_CUES
               for t in tok.sent if t.i != tok.i)


def matches(entry: Entry, tok, token_actor) -> tuple[bool, list[int]]:
    """Whether the entry's constraints hold at this token; the tokens that belong to the trigger."""
    extra: list[int] = []
    if entry.has("plural") and tok.tag_ not in ("NNS", "NNPS"):
        return False, extra
    for key, value in entry.args:
        alts = set(value.split("|")) if value else set()
        if key == "obj":
            objs = objects(tok) + lost_passive_subject(tok)
            if not objs:
                if "*none" not in alts:
                    return False, extra
            elif not any(word_set(x) & alts for o in objs for x in (o, *o.conjuncts, *(
                    a for c in o.children if c.dep_ == "appos" for a in (c, *c.conjuncts)))):
                # "fired 120mm and 82mm mortars": the parse may head the list on a unit; "in X
                # municipality, Y state, a body was found": it may make the thing an apposition
                # of the place before it; "fired caliber 14.5mm and PK machine guns": the list
                # hung on that apposition
                return False, extra
        elif key == "obj-any":
            if not objects(tok) and not any(c.dep_ == "dative" for c in tok.children) and \
                    not shared_objects(tok):  # "beat and extorted a civilian"
                return False, extra
        elif key == "obj-actor":
            objs = [o for o in objects(tok) if o.dep_ != "attr"]
            if any(c.dep_ == "oprd" for c in tok.children) or not any(is_entityish(o, token_actor) for o in objs):
                return False, extra
        elif key == "prt":
            # the particle follows the verb ("called on Iran"), not a later "on Saturday"
            hits = [c for c in tok.children if c.dep_ in ("prt", "prep") and c.lower_ in alts
                    and (c.i == tok.i + 1 or (c.dep_ == "prt" and c.i > tok.i)
                         or (c.i == tok.i + 2 and _adverb_between(tok, c)))]
            if not hits and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ in alts \
                    and tok.doc[tok.i + 1].pos_ in ("ADJ", "VERB"):
                hits = [tok.doc[tok.i + 1]]  # "let free X", "set free X": the parser hangs "free" anywhere
            if not hits:
                return False, extra
            extra += [hits[0].i]
        elif key == "prep":
            name, _, objs = value.partition(">")
            # the small model often hangs "to Peru" on the object: "returned the skulls to Peru"
            preps = prep_children(tok, name.split("|")) + [
                p for o in objects(tok) if o.dep_ == "dobj" for p in prep_children(o, name.split("|"))]
            if not preps:
                return False, extra
            if objs:
                want = set(objs.split("|"))
                ok = False
                for p in preps:
                    for g in pobjs(p):
                        if "*actor" in want and is_entityish(g, token_actor):
                            ok = True
                        if word_set(g) & want:
                            ok = True
                            extra += [p.i, g.i]
                if not ok:
                    return False, extra
        elif key == "mod":
            mods = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod", "npadvmod")
                    and (lemma(c) in alts or c.lower_ in alts)]
            if not mods:
                return False, extra
            extra += [m.i for m in mods]
        elif key == "ctx":
            if value == "conflict" and not _sentence_has_conflict(tok):
                return False, extra
        elif key == "light":
            if not _has_frame(tok, token_actor):
                return False, extra
        elif key == "needs":
            if not NEEDS[value](tok, token_actor):
                return False, extra
    return True, extra


def _adverb_between(tok, c) -> bool:
    return tok.doc[tok.i + 1].pos_ in ("ADV", "PART")


def _has_frame(noun, token_actor) -> bool:
    """An event noun is an event only with someone doing it or a verb reporting it."""
    if any(c.dep_ == "poss" for c in noun.children):
        return True
    if any(c.dep_ in ("prep", "agent") and c.lower_ in ("by", "from") for c in noun.children):
        return True
    if any(c.dep_ in ("compound", "amod", "nmod") and (c.i in token_actor or c.ent_type_ in ("GPE", "NORP", "ORG", "PERSON"))
           for c in noun.children):
        return True
    if any(c.dep_ == "prep" and c.lower_ in ("between", "with", "among") for c in noun.children):
        return True
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.pos_ == "VERB" and lemma(noun.head) in (
            "begin", "start", "resume", "open", "take", "end", "continue", "collapse", "break", "stall",
            "conclude", "fail", "succeed", "produce", "yield", "focus", "center", "centre"):
        return True
    verb = governing_verb(noun)
    return verb is not None and lemma(verb) in LIGHT_VERBS and lemma(verb) != "have" \
        and noun.dep_ != "nsubjpass"


# ---------------------------------------------------------------- needs: one test per value

def _needs_subj_actor(tok, token_actor) -> bool:
    return any(is_entityish(s, token_actor) or s.lower_ in POLICE_SUBJECTS for s in subjects(tok))


def _needs_subj_official(tok, token_actor) -> bool:
    # manual, PROTEST: a diplomatic protest is an official's (ACCUSE); people, residents or
    # workers who protest demonstrate ("citizens protested against the lack of signals")
    # A plural common noun that names no office ("firefighters protested against cuts",
    # "students' parents protested to demand", "prisoners peacefully protested") is people
    # who demonstrate, whatever sector their trade has; so is any subject joined to them
    # ("in X, Y state, education workers protested": the parser may head the list on the place)
    if any(g.ent_type_ in ("GPE", "LOC", "FAC") or lemma(g) in PROTEST_SITES
           for g in prep_objects(tok, ("in", "at"))):
        # a protest held somewhere is a demonstration ("the party protested in Cacak against
        # the government", "protested at Jammu city"): an official lodges a protest, not in a
        # town (train-part ACLED notes: 82 say "protested in/at", all Protests)
        return False
    subs = [c for s in subjects(tok) for c in (s, *s.conjuncts)]
    people = [g for s in subs for g in [s] + prep_objects(s, ("of",))]
    if any(lemma(g) in LABOUR_SUBJECTS or generic_sector(lemma(g)) in CIVILIAN_SECTORS
           or generic_sector(g.lower_) in CIVILIAN_SECTORS for g in people):
        return False
    if any(g.pos_ == "NOUN" and g.tag_ == "NNS" and lemma(g) not in OFFICE_NOUNS
           and g.lower_ not in OFFICE_NOUNS for g in people):
        return False
    return _needs_subj_actor(tok, token_actor)


def _needs_subj_police(tok, token_actor) -> bool:  # the subject, or the passive's "by" ("dispersed by police")
    doers = subjects(tok) + [g for c in tok.children if c.dep_ == "agent" for g in pobjs(c)]
    return any(lemma(s) in POLICE_SUBJECTS or s.lower_ in POLICE_SUBJECTS for s in doers)


def _needs_comment(tok, token_actor) -> bool:
    # "declined to comment": a statement (CAMEO 011), not a refusal
    return any(c.dep_ in ("xcomp", "ccomp") and lemma(c) in (
        "comment", "say", "confirm", "elaborate", "discuss", "speculate", "respond", "answer",
        "specify", "disclose", "identify", "name", "reveal", "provide", "give")
        for c in tok.children)


def _needs_not_opinion(tok, token_actor) -> bool:
    # "agree with Scott that ...", "agree that ...": an opinion, not an agreement
    if any(c.dep_ == "xcomp" for c in tok.children) or objects(tok):
        return True
    if any(c.dep_ == "prep" and c.lower_ in ("on", "upon", "to") for c in tok.children):
        return True
    return not any(c.dep_ in ("ccomp", "prep") for c in tok.children) and bool(
        [s for s in subjects(tok) if s.conjuncts or s.tag_ in ("NNS", "NNPS")])


def _needs_violent_agent(tok, token_actor) -> bool:
    # "a fire killed 100 people", "the virus killed thousands": a disaster, not an assault
    agents = subjects(tok) + prep_objects(tok, ("by", "in"))
    return not any((lemma(a) in NON_VIOLENT_CAUSES or a.lower_ in NON_VIOLENT_CAUSES)
                   and not shot_fire(a, token_actor) for a in agents)



def _needs_captive(tok, token_actor) -> bool:
    # "released 200 prisoners", "freed Smith" - not "released a statement / the clip"
    objs = objects(tok) if tok.pos_ == "VERB" else prep_objects(tok, ("of",))
    objs += [g for o in objs for g in counted(o)]  # "released dozens of activists"
    return any(is_entityish(o, token_actor) or lemma(o) in CAPTIVES or o.lower_ in CAPTIVES
               or any(c.dep_ == "nummod" or c.like_num for c in o.children) for o in objs)


def _needs_ask(tok, token_actor) -> bool:
    # "asked India for help", "asked them to leave" - not "asking her, 'where do we go?'"
    return any(c.dep_ == "xcomp" for c in tok.children) or bool(prep_children(tok, ("for",))) \
        or any(lemma(o) not in ("question", "questions") and o.pos_ == "NOUN" and not is_entityish(o, token_actor)
               for o in objects(tok))


def _needs_guilty(tok, token_actor) -> bool:
    return any(lemma(c) in ("guilty", "liable", "responsible") for c in tok.children
               if c.dep_ in ("oprd", "acomp", "xcomp", "ccomp", "advmod"))


# What is met by satisfying it, not by meeting someone: "until their demands are met".
MET_WANTS = word_list("met_wants")


def _needs_meet(tok, token_actor) -> bool:
    # "met Erdogan", "met in Geneva" - but not "meet these targets", "demands are met"
    if any(lemma(o) in MET_WANTS for o in objects(tok) if o.dep_ in ("dobj", "nsubjpass")):
        return False
    objs = [o for o in objects(tok) if o.dep_ == "dobj"]
    return not objs or any(is_entityish(o, token_actor) or o.pos_ == "PROPN" or lemma(o) in (
        "counterpart", "minister", "president", "leader", "delegation", "official", "officials",
        "envoy", "ambassador", "representative", "representatives", "king", "pope", "chancellor")
        for o in objs)


def _needs_not_metaphor(tok, token_actor) -> bool:
    if tok.dep_ == "compound":
        return False
    # "trade war", "price war", "war of words"
    if any(c.dep_ in ("compound", "amod", "nmod") and (lemma(c) in METAPHOR_MODIFIERS)
           for c in tok.children):
        return False
    for p in prep_children(tok, ("on", "against", "over", "for", "with")):
        for g in pobjs(p):
            if lemma(g) in METAPHOR_OBJECTS or g.lower_ in METAPHOR_OBJECTS:
                return False
    return not any(lemma(o) in METAPHOR_OBJECTS for o in objects(tok))


def _needs_light_verb(tok, token_actor) -> bool:
    verb = governing_verb(tok)
    return (verb is not None and lemma(verb) in LIGHT_VERBS and lemma(verb) != "have") \
        or occurs(tok)


def occurs(noun) -> bool:
    """The noun is told as happening: the subject of "take place", "occur", "break out",
    "erupt" ("a joint patrol took place", "a shoot-out broke out")."""
    if noun.dep_ != "nsubj" or noun.head.pos_ != "VERB":
        return False
    verb = noun.head
    if lemma(verb) in ("occur", "happen", "erupt", "ensue"):
        return True
    if lemma(verb) == "take":
        return any(c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children)
    return lemma(verb) == "break" and any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)


def _subject_words(tok, of: bool = False) -> set[str]:
    """Words of the subject phrase; with ``of``, only its head and the head of its "of"
    phrase ("hundreds of protesters")."""
    if not of:
        return {w for s in subjects(tok) for t in s.subtree for w in (t.lower_, lemma(t))}
    heads = [h for s in subjects(tok) for h in [s, *(g for p in prep_children(s, ("of",)) for g in pobjs(p))]]
    return {w for h in heads for w in (h.lower_, lemma(h))}


def _needs_subj_protesters(tok, token_actor) -> bool:
    """Protesters gather ("hundreds of protesters gathered in Najaf"), and so does anyone who
    gathers to demand or denounce (manual, PROTEST: a demonstration; its topic, typically a
    REQUEST, is no event of its own): "retired soldiers gathered in the square, demanding
    their rights", "traders gathered outside the ministry to demand aid"."""
    return bool(_subject_words(tok, of=True) & PROTESTER_SUBJECTS) or any(
        c.dep_ in ("advcl", "xcomp") and lemma(c) in PROTEST_PURPOSES for c in tok.children)


def _needs_subj_aircraft(tok, token_actor) -> bool:
    words = _subject_words(tok)
    return bool(words & AIRCRAFT_WORDS) or any(
        s.lower_ in ("force", "forces") and any(c.lower_ == "air" for c in s.children)
        for s in subjects(tok))


def _needs_subj_armed(tok, token_actor) -> bool:
    # armed people or their arms ("fighters arrived at the port", "a ship loaded with tanks
    # arrived"): a subject whose words name an armed sector or a heavy weapon
    for s in subjects(tok):
        for t in [s] + [k for k in s.subtree if k.dep_ in ("compound", "amod", "pobj")]:
            if generic_sector(lemma(t)) in ARMED_SECTORS or generic_sector(t.lower_) in ARMED_SECTORS \
                    or lemma(t) in ARMED_SUBJECT_WORDS or t.lower_ in ARMED_SUBJECT_WORDS:
                return True
    return False


def _needs_left_harmed(tok, token_actor) -> bool:
    # "the ambush left three soldiers dead", "gunshots which left two policemen injured": a
    # state of harm the verb leaves its object in (its predicate: oprd, or the parse's
    # amod / acomp / attr), on the path from the verb through its object; not "the dead"
    for t in tok.subtree:
        if t.i <= tok.i or t.i > tok.i + 12 or t.lower_ not in HARM_STATES \
                or t.dep_ not in ("oprd", "amod", "acomp", "attr", "xcomp"):
            continue
        step = t
        while step.i != tok.i and step.dep_ in (
                "oprd", "amod", "acomp", "attr", "xcomp", "ccomp", "dobj", "conj", "appos"):
            step = step.head
        if step.i == tok.i:
            return True
    return False


def _needs_future_act(tok, token_actor) -> bool:
    # "warned that more arrests would follow": a warning of an act to come (manual,
    # THREATEN); attach_frames drops the warning when the clause holds no act
    return any(c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ in FUTURE_AUX for a in c.children)
               for c in tok.children)


def _needs_obj_unowned(tok, token_actor) -> bool:
    """"rejected accusations (by X)": a denial, a statement (CAMEO 016; ConfliBERT's class
    file: 26 of 28 train-part ones uncoded); "rejected Netanyahu's suggestion": PLOVER REJECT
    of the owner (class: 2 of 2 verbal conflict; PLV's 4 have the owner the target). True when
    no object has a possessor that names someone (a pronoun's is not enough)."""
    return not any(c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN")
                   for o in objects(tok) for x in (o, *o.conjuncts) for c in x.children)


def _needs_no_oprd(tok, token_actor) -> bool:
    return not any(c.dep_ == "oprd" for c in tok.children) and not any(
        lemma(o) in ("meeting", "session", "election", "elections", "vote", "strike", "referendum")
        for o in objects(tok))


# The ``needs:`` vocabulary of the lexicon: value -> test at the trigger token.
# ``communique.lexicon`` rejects any other value when it loads a lexicon file.
NEEDS = {
    "xcomp": lambda tok, ta: any(c.dep_ in ("xcomp", "ccomp") for c in tok.children),
    "xcomp-or-obj": lambda tok, ta: any(c.dep_ in ("xcomp", "dobj", "ccomp") for c in tok.children),
    "subj-actor": _needs_subj_actor,
    "subj-police": _needs_subj_police,
    "subj-official": _needs_subj_official,
    "comment": _needs_comment,
    "not-opinion": _needs_not_opinion,
    "violent-agent": _needs_violent_agent,
    "captive": _needs_captive,
    "ask": _needs_ask,
    "guilty": _needs_guilty,
    "meet": _needs_meet,
    "labour": lambda tok, ta: any(lemma(s) in LABOUR_SUBJECTS for s in subjects(tok)),
    "not-labour": lambda tok, ta: not any(lemma(s) in LABOUR_SUBJECTS for s in subjects(tok)),
    "not-metaphor": _needs_not_metaphor,
    "light-verb": _needs_light_verb,
    "no-oprd": _needs_no_oprd,
    "no-obj": lambda tok, ta: not objects(tok),
    "obj-unowned": _needs_obj_unowned,
    "obj-or-of": lambda tok, ta: bool(objects(tok)) or bool(prep_children(tok, ("of", "against"))),
    "future-act": _needs_future_act,
    "subj-protesters": _needs_subj_protesters,
    "subj-explosive": lambda tok, ta: any(word_set(s) & EXPLOSIVE_SUBJECTS for s in subjects(tok)),
    "subj-aircraft": _needs_subj_aircraft,
    "subj-armed": _needs_subj_armed,
    "left-harmed": _needs_left_harmed,
    # "304 refugees returned to their country": PLOVER manual, RETREAT: repatriation of refugees
    # (also where the parse hangs the verb on them: "90 migrants returned/acl from Ecuador")
    "subj-migrants": lambda tok, ta: bool(_subject_words(tok, of=True) & MIGRANT_SUBJECTS) or (
        tok.dep_ == "acl" and bool({tok.head.lower_, lemma(tok.head)} & MIGRANT_SUBJECTS)),
    "subj-critics": lambda tok, ta: bool(_subject_words(tok, of=True) & CRITIC_SUBJECTS),
}


# ---------------------------------------------------------------- finding candidates

REFLEXIVES = ("itself", "himself", "herself", "themselves", "ourselves", "myself", "yourself")


def find_triggers(doc, lexicon: Lexicon, token_actor) -> list[Candidate]:
    """The lexicon triggers whose constraints hold, one per token, in text order."""
    hits = []
    suppressed: set[int] = set()
    for tok in tokens_with_pos(doc, "VERB", "NOUN", "PROPN", "ADJ"):  # what pos_of reads
        pos = pos_of(tok)
        # A noun used as a modifier ("war crimes", "protest leader") is not the event.
        if tok.dep_ in ("compound", "poss") or (pos == "noun" and tok.dep_ == "amod"):
            continue
        if pos == "verb" and tok.dep_ == "amod":
            continue
        if tok.pos_ == "PROPN" and tok.ent_iob_ == "I" and tok.ent_type_ in ("GPE", "LOC", "FAC"):
            continue  # a word inside a place's name names the place ("in New Grant, Princes Town")
        cands = []
        first = tok.i
        if pos == "noun" and tok.i >= 2 and tok.doc[tok.i - 1].tag_ == "HYPH" \
                and tok.doc[tok.i - 2].head.i == tok.i:
            # a hyphenated noun the tokenizer splits: "shoot-out", "sit-in", "build-up"; its own
            # entry before its last part's ("a cease-fire" is a ceasefire, not a fire)
            head = tok.doc[tok.i - 2]
            for form in (f"{head.lower_}-{tok.lower_}", f"{head.lower_}{tok.lower_}",
                         f"{head.lower_}-{lemma(tok)}", f"{head.lower_}{lemma(tok)}"):
                if cands := lexicon.ranked(form, pos):
                    first = head.i
                    break
        cands = cands or lexicon.ranked(lemma(tok), pos)
        if pos == "verb" and tok.i >= 1:
            # a verb the tokenizer splits from the noun it is made of: "baton charged",
            # "lathi-charged" (the lexicon's hyphenated lemma)
            k = tok.i - 2 if tok.doc[tok.i - 1].text == "-" and tok.i >= 2 else tok.i - 1
            if tok.doc[k].pos_ in ("NOUN", "PROPN", "ADJ") and (
                    joined := lexicon.ranked(f"{tok.doc[k].lower_}-{lemma(tok)}", pos)):
                cands, first = joined, k
        if not cands and pos == "verb":
            # the small model's lemmatizer slips ("raped" -> "rap"): try the plain forms
            low = tok.lower_
            forms = {"VBD": (low[:-1], low[:-2]), "VBN": (low[:-1], low[:-2]), "VBZ": (low[:-1],),
                     "VBG": (low[:-3], low[:-3] + "e")}.get(tok.tag_, ())
            for form in forms:
                if form and (cands := lexicon.ranked(form, pos)):
                    break
        if not cands:
            continue
        if pos == "verb" and any(c.dep_ == "dobj" and c.lower_ in REFLEXIVES for c in tok.children) \
                and lemma(tok) not in ("defend", "arm", "declare"):
            # "shooting itself in the foot": an idiom, not an act on anyone (tested after the
            # lexicon, which most verbs are not in: reading the children costs more)
            continue
        for entry in cands:
            ok, extra = matches(entry, tok, token_actor)
            if not ok:
                continue
            if entry.type == "NONE":
                # "rejected accusations by X": a denial (a statement); its object is no event either
                suppressed.update(o.i for o in objects(tok))
                break
            span_toks = [first, tok.i] + [i for i in extra if abs(i - tok.i) <= 2]
            if tok.i in suppressed:
                break
            hits.append(Candidate(tok=tok, entry=entry, span=(min(span_toks), max(span_toks) + 1)))
            break
    return hits


def reported_demands(doc, hits: list[Candidate]) -> list[Candidate]:
    """"Russia says Israel must end attacks": a demand (CAMEO 10) on whoever must act;
    "the government said Taliban militants were responsible": blame (an accusation).

    A demand made of a trigger ("North Korea must first disarm") takes it over: the
    trigger leaves ``hits`` and becomes the demand's ``took_over``.
    """
    out = []
    have = {h.tok.i for h in hits}
    for tok in tokens_where(doc, "dep", ("ccomp",)):
        if lemma(tok.head) not in REPORTING_VERBS | {"insist", "demand"}:
            continue
        blame = any(c.dep_ == "acomp" and lemma(c) in ("responsible", "culpable", "guilty", "behind")
                    for c in tok.children) or any(c.dep_ == "prep" and c.lower_ == "behind" for c in tok.children)
        if not blame and not any(c.dep_ == "aux" and c.lower_ in ("must", "should") for c in tok.children):
            continue
        if blame and (any(c.dep_ == "neg" for c in tok.children) or lemma(tok) not in ("be",)):
            continue
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in tok.children):
            continue
        subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subj or subj[0].lower_ in ("we", "i", "it", "there", "this", "that"):
            continue
        if blame:
            word = next((c for c in tok.children if c.dep_ in ("acomp", "prep")
                         and lemma(c) in ("responsible", "culpable", "guilty", "behind")), tok)
            out.append(Candidate(tok=tok, entry=BLAME_ENTRY, kind=BLAME, span=(word.i, word.i + 1)))
            continue
        demand = Candidate(tok=tok, entry=DEMAND_ENTRY, kind=DEMAND, span=(tok.i, tok.i + 1))
        if tok.i in have:
            # "North Korea must first disarm": the demanded act is the trigger itself
            inner = next(h for h in hits if h.tok.i == tok.i)
            hits.remove(inner)
            demand.took_over = inner
            demand.absorbed = [inner]
            demand.span = inner.span
        out.append(demand)
    return out


# ---------------------------------------------------------------- frames

def _complement_tokens(c: Candidate) -> set[int]:
    """Tokens of the act a framing trigger reports (its clausal complement)."""
    tok = c.tok
    frame = c.frame
    out: set[int] = set()
    for ch in tok.children:
        if ch.dep_ in ("xcomp", "ccomp", "advcl") and ch.i > tok.i and not _occasion(ch):
            out |= {t.i for t in ch.subtree}
        elif ch.dep_ in ("prep",) and ch.lower_ in ("of", "for", "to", "over", "on", "against") and ch.i > tok.i:
            for g in ch.children:
                if g.dep_ in ("pcomp",) or (g.dep_ == "pobj" and frame in ("accuse", "approve", "request", "reject", "threaten")):
                    out |= {t.i for t in g.subtree}
        elif ch.dep_ == "dobj" and frame in ("request", "reject", "accuse", "approve") and ch.pos_ in ("NOUN",):
            # "condemned the sanctions (imposed by the EU)", "welcomed the ceasefire": the noun
            # names the act judged, an earlier act, not a new one (manual, ACCUSE: "condemn,
            # decry a policy or an action"; SUPPORT: praise)
            out |= {t.i for t in ch.subtree}
    return out


def _occasion(clause) -> bool:
    """"condemned Israel after gunmen attacked its embassy": a clause of its own telling
    when or why, not the act the frame reports."""
    return clause.dep_ == "advcl" and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children) \
        and any(c.dep_ == "mark" and c.lower_ in OCCASION_MARKS for c in clause.children)


def main_child(inner: list[Candidate]) -> Candidate:
    """The act a frame reports: the nearest one that is not itself a frame
    ("agreed to undertake a joint exercise": the exercise)."""
    plain = [x for x in inner if not x.frame]
    return min(plain or inner, key=lambda x: x.tok.i)


def attach_frames(cands: list[Candidate]) -> list[Candidate]:
    """Fold the acts each framing candidate reports into it (its ``absorbed``).

    Returns the candidates that stand as events: not reported inside another, not
    inside a claim, not the object named in a verb's own pattern ("imposed sanctions").
    ``cands`` must be in text order.
    """
    by_tok = {c.tok.i: c for c in cands}
    absorbed: set[int] = {c.tok.i for c in cands if claimed(c.tok)}
    absorbed |= named_in_pattern(cands, by_tok)  # "lifted the embargo", "a cessation of hostilities"
    for c in sorted(cands, key=lambda c: c.tok.i):
        if not c.frame or c.tok.i in absorbed:
            continue
        inner = [by_tok[i] for i in sorted(_complement_tokens(c)) if i in by_tok and i != c.tok.i]
        if not inner:
            if c.entry.has("needs", "future-act"):
                absorbed.add(c.tok.i)  # "warned that prices would rise": no act, no threat
            continue
        for x in inner:
            absorbed.add(x.tok.i)
        c.absorbed = inner
        c.framed = True
    return [c for c in cands if c.tok.i not in absorbed]


# What a protest says it is for: its topic, not an act of its own (PLOVER manual, PROTEST).
TOPIC_TYPES = ("REQUEST", "ACCUSE", "REJECT")
# how a topic clause hangs from the protest ("protested demanding", "staged a demonstration to
# demand", "held a sit-in, denouncing", the parser's "protested in Lagos demanding")
TOPIC_DEPS = ("advcl", "xcomp", "conj", "acl", "ccomp", "pcomp", "prep", "pobj")


def drop_protest_topics(cands: list[Candidate]) -> list[Candidate]:
    """The candidates less the topics of protests: PLOVER manual, PROTEST: "the topic of the
    protest - which will typically be a REQUEST - is not coded as a separate event". A topic
    is a demand, denunciation or rejection whose clause hangs from a protest trigger or from
    the verb that holds a protest noun ("held a protest sit-in demanding the repatriation").
    ``cands``: those that stand as events (a protest that does not leaves its topic be)."""
    anchors = set()
    for c in cands:
        if c.entry.type == "PROTEST":
            anchors.update(range(*c.span))
            anchors.update(o.i for o in objects(c.tok))  # "staged a demonstration demanding"
            anchors.add(c.tok.i)
            verb = governing_verb(c.tok) if c.tok.pos_ == "NOUN" else None
            if verb is not None:
                anchors.add(verb.i)
    if not anchors:
        return cands

    def topic(tok) -> bool:
        for _ in range(3):
            if tok.dep_ not in TOPIC_DEPS or tok.head.i == tok.i:
                return False
            tok = tok.head
            if tok.i in anchors:
                return True
        return False

    return [c for c in cands if c.entry.type not in TOPIC_TYPES or not topic(c.tok)]


def backing(c: Candidate, token_actor) -> bool:
    """Whether a SUPPORT candidate only says who stands behind an actor: a participle with
    its agent that modifies the actor ("nurses, supported by NEHAWU, demonstrated",
    "assailants backed by BJP attacked"). The act the actor does is the event; its backers
    are part of the telling of it, as "US-backed" is (a form that recurs across the ACLED
    train notes: 8 such SUPPORT events came before the protest or attack they tell of). The
    participle must modify an actor or the one who acts (a subject): "the plan, backed by
    France, was adopted" stays SUPPORT."""
    tok = c.tok
    return c.entry.type == "SUPPORT" and tok.tag_ == "VBN" and tok.dep_ == "acl" \
        and (tok.head.i in token_actor or tok.head.dep_ == "nsubj") \
        and any(ch.dep_ == "agent" for ch in tok.children)


def support_named(c: Candidate) -> bool:
    """Whether an ASSAULT noun only names the support a force has ("special forces, backed by
    airstrikes, killed 18 militants"): the agent of a backing participle, beside the act that
    force does. The act is the event (ACLED codebook: a ground fight that air power supports
    is a battle)."""
    tok = c.tok
    if c.entry.type != "ASSAULT" or tok.pos_ != "NOUN" or tok.dep_ != "pobj":
        return False
    agent = tok.head
    verb = agent.head
    return agent.dep_ == "agent" and verb.dep_ == "acl" and verb.tag_ == "VBN" \
        and lemma(verb) in BACKING_VERBS


def find_candidates(doc, lexicon: Lexicon, token_actor) -> list[Candidate]:
    """Every candidate event of a document, frames attached, in text order; less the
    backers of an actor (:func:`backing`) and the support of a force where the act the
    force does is one (:func:`support_named`)."""
    found = find_triggers(doc, lexicon, token_actor)
    demands = reported_demands(doc, found)  # may take over found triggers
    found = [c for c in found + demands if not backing(c, token_actor)]
    acts = {c.tok.sent.start for c in found if c.entry.type == "ASSAULT" and not support_named(c)}
    found = [c for c in found if not (support_named(c) and c.tok.sent.start in acts)]
    return attach_frames(sorted(found, key=lambda c: c.tok.i))
