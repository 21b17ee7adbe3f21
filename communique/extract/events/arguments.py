"""Arguments: who acts and on whom, read off the parse.

``assign(candidate, token_actor) -> Roles`` is the one entry point: a first pass
reads subject and object (active and passive voice, "X's attack on Y",
coordination, relative clauses, control verbs); the recipient of a framed act
comes from the act it frames ("threatened to attack South Korea"); where no
recipient actor is found, fallbacks look through the phrases around the trigger
(the owner of its object, the destination of what is sent, a light verb's
dative, the object of a framed complement, the place a restriction applies to).

A trained role step can replace ``assign``: it takes the candidate (its token,
lexicon entry and ``reading``) and the token -> actor id map, and returns Roles.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .calls import call_parties
from .candidates import Candidate, main_child
from .clause_objects import clause_subjects, demanded_doers, misread_participle, small_clause_objects
from .doers import HAPPEN_VERBS, object_antecedent, passive_agents, reported_sayer, through_instrument
from .mediation import is_mediation, purpose_parties
from .mobilize_purpose import mobilized_against
from .peacekeeping import served_countries
from .phrase_owners import ACT_OBJECTS, ARMED_BODIES, ids_for, owners_of, victims  # noqa: F401 (victims: re-exported)
from .phrase_owners import party_like as _party_like
from .topics import is_topic
from .tree import (LIGHT_VERBS, NOT_ACTORS, QUANTIFIERS, RELATIVE_PRONOUNS,
                   expand, governing_verb, is_entityish, is_passive, lemma, objects, pobjs,
                   prep_children, prep_objects, subjects, word_set)
from communique.extract.actor_controls import is_control_measure as control_measure
from communique.word_lists import word_list

CUSTODY = word_list("custody")
# Types whose trigger's named object is what is sent or given: "sent troops", "sent aid".
SENT_TYPES = {"MOBILIZE", "AID"}
MOBILIZED = word_list("mobilized")
# What is sought from a country by going there: "sought refuge in Bangladesh".
REFUGE = word_list("refuge")
# Which preposition introduces the recipient, by event type.
RECIPIENT_PREPS = {
    "ASSAULT": ("on", "against", "at", "upon", "into"),
    "COERCE": ("on", "against", "into"),
    "SANCTION": ("on", "against", "from", "with"),
    "MOBILIZE": ("against", "to", "into", "near", "along", "in"),
    "CONSULT": ("with", "to"),
    "AID": ("to", "for", "into", "in"),
    "COOPERATE": ("with",),
    "SUPPORT": ("for", "to", "of"),
    "AGREE": ("with", "to"),
    "REQUEST": ("on", "upon", "to", "of"),
    "ACCUSE": ("against", "of", "on", "to", "into"),
    "REJECT": ("of",),
    "THREATEN": ("against", "to", "on"),
    "PROTEST": ("against", "outside", "at"),
    "RETREAT": ("to", "from"),
    "CONCEDE": ("to", "with"),
}


@dataclass
class Roles:
    """The tokens that stand for the actor and the recipient of a candidate.

    ``between``: "clashes between X and Y": both sides act, there is no recipient.
    """

    actors: list = field(default_factory=list)
    recipients: list = field(default_factory=list)
    between: bool = False


def assign(c: Candidate, token_actor: dict[int, str]) -> Roles:
    """Actor and recipient tokens of a candidate whose ``reading`` is set.

    Args:
        c: the candidate (see :mod:`.candidates`), read by :func:`.classify.read`.
        token_actor: token index -> actor id, from the actor stage.
    """
    roles = _first_pass(c, c.reading, token_actor)
    if c.absorbed and not roles.recipients and not _asks_named_doer(c, token_actor):
        # "threatened to attack South Korea": the recipient of the reported act;
        # "condemned the sanctions imposed by the EU", "praised Japan's aid": the one who did
        # the act judged
        child = main_child(c.absorbed)
        inner = {x.tok.i for x in c.absorbed}
        child_roles = _first_pass(child, child.reading, token_actor)
        own = set(actor_ids(roles.actors, token_actor))
        pick = child_roles.actors if c.frame in ("accuse", "approve") else child_roles.recipients
        roles.recipients = [r for r in pick if r.i not in inner
                            and not set(actor_ids([r], token_actor)) & own]
    if not set(actor_ids(roles.recipients, token_actor)) - set(actor_ids(roles.actors, token_actor)) \
            and not roles.between and not c.reported and not c.entry.has("swap"):
        roles.recipients = _more_recipients(c, roles, token_actor) or roles.recipients
    roles.recipients = served_countries(c.reading.type, roles.recipients, token_actor)  # peacekeeping.py
    called = None if c.reported else call_parties(c.tok)
    if called:  # "X called Y to express his support": X acts, Y receives (calls.py)
        roles.actors, roles.recipients = list(called[0]), list(called[1])
    return roles


def _asks_named_doer(c: Candidate, token_actor) -> bool:
    """A demand whose clause names who is to act ("a resolution demanding X cut off aid to
    Y"): X is asked (``_more_recipients_1`` step 5a), not the one the demanded act falls on."""
    if not (c.reading.type == "REQUEST" or c.frame == "request"):
        return False
    return any(ids_for(s, token_actor) for s in clause_subjects(c.tok))


def actor_ids(toks: list, token_actor) -> list[str]:
    out: list[str] = []
    for t in toks:
        for head in expand(t):
            for i in _sayer_ids(head, token_actor, first=True) or ids_for(head, token_actor) \
                    or _sayer_ids(head, token_actor):
                if i not in out:
                    out.append(i)
    return out


def _sayer_ids(tok, token_actor, first: bool = False) -> list[str]:
    sayer = reported_sayer(tok, first) or (object_antecedent(tok) if first else None)
    return [] if sayer is None else [i for h in expand(sayer) for i in ids_for(h, token_actor)]


def _first_objects(objs: list, etype: str) -> list:
    """A verb's objects but for one after a comma that follows another: the parser's misreading
    of an apposition ("ties with Bhutan, a Buddhist nation"; "a platoon to Kuwait, its first
    mission"), the noun before the comma's, not a party of its own; and but for the armed men
    mobilized, what is sent and not its recipient ("mobilized the army for an assault on X")."""
    return [o for k, o in enumerate(objs) if (not k or o.doc[o.left_edge.i - 1].text != ",") and not (
        etype == "MOBILIZE" and {lemma(o), o.lower_} & (ACT_OBJECTS | MOBILIZED))]


def _parties(noun, token_actor) -> list:
    """Who a dispute or conflict noun belongs to: "between X and Y", "X's", "X have disputes"."""
    for p in prep_children(noun, ("between", "among")):
        for g in pobjs(p):
            return [g]
    poss = [c for c in noun.children if c.dep_ == "poss"]
    if poss:
        return poss
    if noun.dep_ == "dobj" and lemma(noun.head) == "have":
        return subjects(noun.head)
    return []


def _first_pass(c: Candidate, reading, token_actor) -> Roles:
    """Actor and recipient as the parse gives them: subject and object, passive "by",
    "X's attack on Y", the preposition that introduces the recipient of this type."""
    tok = c.tok
    between = False
    actors: list = []
    recipients: list = []
    preps = RECIPIENT_PREPS.get(reading.type, ())
    if reading.type == "CONSULT" and reading.mode == "visit":
        preps = ("to", "in", "with")  # the visited place stands for its host
    if tok.pos_ in ("VERB", "ADJ"):
        if is_passive(tok):
            recipients += [c for c in tok.children if c.dep_ == "nsubjpass"]
            actors += passive_agents(tok)
            sent = [r for r in recipients if {lemma(r), r.lower_} & (MOBILIZED | ARMED_BODIES | {"peacekeeper", "peacekeepers"})]
            if sent and not actors and c.entry.type in SENT_TYPES:
                # "troops were deployed to the border": the armed men sent stand for who sends
                # them, as "India deployed troops" has India act; they are no recipient
                actors += sent
                recipients = [r for r in recipients if r not in sent]
            if tok.dep_ in ("relcl", "acl") and not recipients and tok.head.pos_ in ("NOUN", "PROPN"):
                recipients.append(tok.head)
        elif tok.dep_ == "acl" and tok.tag_ in ("VBN", "VBD") and reading.type == "PROTEST" \
                and not any(o.dep_ in ("dobj", "agent") for o in tok.children):
            # "hundreds of inhabitants protested in Lima", parsed with the noun as the root, or
            # "in Tepeji, a group of merchants protested", the noun hung on the place: a protest
            # verb with no object and no "by" is no passive; the noun protests
            actors.append(tok.head)
        elif tok.dep_ == "acl" and tok.tag_ == "VBN" and not misread_participle(tok, c.entry):
            recipients.append(tok.head)
            for a in prep_children(tok, ("by",)):
                actors += pobjs(a)
        else:
            actors += subjects(tok)
            if not actors and tok.dep_ == "acl" and tok.head.dep_ == "ROOT" and (
                    tok.tag_ == "VBD" or misread_participle(tok, c.entry)):
                # "X, a former tycoon, called for sanctions", parsed with X the root and the finite
                # verb (VBD) hung on it: the verb is the predicate, X its subject (PLV train: 4 of 4);
                # so too "a report called for sanctions" read as a participle (clause_objects.py)
                actors.append(tok.head)
            if not actors and tok.tag_ == "VBG":
                # "a drive-by shooting in X by armed men": a gerund names its doer with "by"
                actors += [g for p in prep_children(tok, ("by",)) if p.dep_ == "prep" for g in pobjs(p)]
                # a gerund used as a noun names its doer as a noun does: "Indian shelling killed"
                actors += [m for m in tok.lefts if m.dep_ in ("amod", "poss") and m.i in token_actor]
            objs = _first_objects([o for o in objects(tok) if o.dep_ in ("dobj", "obj")], reading.type)
            pattern = c.entry.arg("obj")
            refuge = [o for o in objs if lemma(o) in REFUGE]
            if refuge and reading.type == "REQUEST":
                # "sought refuge in Bangladesh": who is asked is where it is sought
                recipients += [g for h in [tok] + refuge for p in prep_children(h, ("in",)) for g in pobjs(p)]
                objs = [o for o in objs if o not in refuge]
            if pattern:
                # "imposed sanctions on X": the object named in the pattern is part of the
                # trigger; its own "on X" names the recipient
                # what is sent or given ("sending a military platoon to Kuwait") is never
                # its recipient either
                named = [o for o in objs if word_set(o) & set(pattern.split("|"))
                         and (lemma(o) in ACT_OBJECTS or o.lower_ in ACT_OBJECTS
                              or c.entry.type in SENT_TYPES)]
                objs = [o for o in objs if o not in named]
                for o in named:
                    for oo in [o] + list(o.conjuncts):
                        for p in prep_children(oo, ("on", "against", "with", "to", "for", "from", "in")):
                            recipients += [] if is_topic(oo, p) else pobjs(p)
                        if reading.type == "ASSAULT":  # "violated South Sudan's ceasefire" (CAMEO 196)
                            recipients += [m for m in oo.children if m.dep_ == "poss" and m.tag_ != "PRP$"]
            if not objs and tok.dep_ in ("relcl",) or not objs:
                # "disputes, which X will work to settle": the object is the antecedent's party.
                rel = _relative_object(tok)
                if rel is not None:
                    parties = _parties(rel, token_actor) or [rel]
                    objs = parties
            if reading.type == "AID":
                # "donated a shipment of ventilators to assist Ethiopia": what is given is no
                # recipient; "provided Ukraine with weapons": a party is
                objs = [o for o in objs if _party_like(o)]
            if reading.type == "CONSULT":
                # "discussed Libya with Trump": the object is the topic, "with" names the party
                party = [g for p in prep_children(tok, ("with",)) for g in pobjs(p) if _party_like(g)]
                objs = party or objs
            # "will not accept refugees fleeing X": the object read as a clause's subject
            recipients += objs or small_clause_objects(tok)
            recipients += [g for c in tok.children if c.dep_ == "dative" for g in ([c] if c.pos_ != "ADP" else pobjs(c))]
        if reading.type in ("AID", "RETREAT") or reading.mode == "withdraw":
            # "returned the artifacts to Iraq", "gave aid to X": who gets it, not what is given;
            # "withdrew peacekeepers from the Golan": where from
            names = ("to", "for", "into") if reading.mode != "withdraw" else ("from",)
            dest = prep_objects(tok, names)
            dest += [g for o in objects(tok) if o.dep_ == "dobj" for p in prep_children(o, names)
                     for g in pobjs(p)]
            if dest:
                recipients = dest[:1]
            elif reading.mode == "withdraw":
                recipients = [r for r in recipients if is_entityish(r, token_actor)]
        if not recipients:
            names = preps + ("with",) if c.entry.has("two-sided") else preps
            for p in prep_children(tok, names):
                # "clashed with police": the other side; "On 3 March, X fired at Y": no date
                recipients += [g for g in pobjs(p) if g.ent_type_ not in NOT_ACTORS]
                if recipients:
                    break
    else:  # an event noun
        fended = fended_off(tok)
        poss = [c for c in tok.children if c.dep_ == "poss"]
        if poss and poss[0].tag_ == "PRP$" and governing_verb(tok) is not None and not fended:
            # "the army intensified its bombardment": "its" is the subject of the verb
            poss = subjects(governing_verb(tok)) or poss
        # "by X", "from X" - but not "the release from jail"; of an attack fought off, "of X"
        agents = [g for p in prep_children(tok, ("by", "from") + ("of",) * bool(fended)) for g in pobjs(p)
                  if p.lower_ == "by" or ((_party_like(g) or is_entityish(g, token_actor))
                                          and lemma(g) not in CUSTODY)]
        if fended and not agents and not is_passive(governing_verb(tok)):
            # "fended off an assault by jihadists": the parse may hang the "by" on the verb
            agents = prep_objects(governing_verb(tok), ("by",))
        recipients += fended
        own = token_actor.get(tok.i)
        mods = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod")
                and (c.i in token_actor or c.ent_type_ in ("GPE", "NORP", "ORG", "PERSON"))
                and (own is None or token_actor.get(c.i) != own)]
        between = prep_objects(tok, ("between", "among"))
        if not between and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.pos_ in ("VERB", "AUX") \
                and lemma(tok.head) in HAPPEN_VERBS:
            # "clashes erupted between X and Y", "a clash took place between X and Y"
            between = prep_objects(tok.head, ("between", "among"))
        between = between or purpose_parties(tok)  # "a mediation effort to resolve the rift between X and Y"
        if between and is_mediation(tok):
            # "launched a mediation effort between India and Pakistan": the mediator acts,
            # the parties receive (CAMEO 045, PLOVER CONSULT)
            recipients += between
            between = []
        if poss:
            actors += poss
        elif agents:
            actors += agents
        elif mods:
            actors += mods
        if between:
            actors += between
            between = True
        verb = None if fended else governing_verb(tok)
        if verb is not None and _undergoes(tok, verb):
            # "Iran faces criticism from the UN", "the convoy came under attack":
            # the subject of the verb is at the receiving end
            recipients += subjects(verb)
            verb = None
        if verb is not None and not actors and tok.dep_ != "nsubj":
            if is_passive(verb):
                for a in prep_children(verb, ("by",)):
                    actors += pobjs(a)
            else:
                actors += subjects(verb)
        if verb is not None and tok.dep_ in ("dobj",) and not actors:
            actors += subjects(verb)
        for p in prep_children(tok, preps + ("with",) if c.entry.has("two-sided") else preps):
            recipients += [g for g in pobjs(p) if g.ent_type_ not in NOT_ACTORS]
            if recipients:
                break
        if not recipients and verb is not None and reading.type in ("CONSULT",):
            for p in prep_children(verb, ("with",)):
                recipients += pobjs(p)
    if c.reported:
        # "Russia says Israel must end attacks": the sayer demands, the one who must act is asked
        actors = subjects(tok.head)
        recipients = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    if c.entry.has("swap"):
        actors, recipients = recipients, actors
    def keep(t):
        return t.ent_type_ not in NOT_ACTORS and t.pos_ not in ("VERB", "AUX", "ADV")

    def through_amount(t):
        # "Hundreds of rebels", "thousands of workers": the people, not the number
        if (t.ent_type_ in NOT_ACTORS or lemma(t) in QUANTIFIERS) and t.pos_ in ("NOUN", "NUM"):
            inner = prep_objects(t, ("of",))
            if inner:
                return inner[0]
        return t
    actors = [through_instrument(through_amount(a), lambda t: bool(ids_for(t, token_actor)))
              for a in actors]
    recipients = [through_amount(r) for r in recipients]
    return Roles(actors=[a for a in actors if (a.lower_ not in RELATIVE_PRONOUNS or a.dep_ == "relcl") and keep(a)],
                 recipients=[r for r in recipients if r.lower_ not in RELATIVE_PRONOUNS and keep(r)],
                 between=between)


# ---------------------------------------------------------------- recipients the first pass missed

# Types whose nominal trigger takes its victim or beneficiary as the "of" object:
# "the arrest of X", "the release of X", "the invasion of X", "criticism of X".
OBJECTIVE_OF_TYPES = {"ASSAULT", "COERCE", "SANCTION", "RETREAT", "ACCUSE", "CONCEDE"}
# Verbs of giving, whose indirect object receives: "granted X permission", "gave X access".
GIVING_VERBS = word_list("giving_verbs")
# Types whose framing verb's complement names the recipient: "agreed to provide Sri Lanka
# with ...", "pledged to work with China", "refused to meet with the envoy".
FRAMED_TYPES = {"AGREE", "CONCEDE", "REJECT", "THREATEN", "REQUEST", "SUPPORT", "COOPERATE", "AID"}


CREATION_VERBS = word_list("creation_verbs")
# Verbs of permission (CAMEO.2.0 ALLOW [080]: allow, permit, authorize, enable, empower), whose
# object is the one let act: "refused to allow two EU airlines to land", parsed with the airlines
# as the subject of "land".
PERMIT_VERBS = word_list("permit_verbs")




# Restrictions imposed on a place: those who live there bear them ("a curfew in Jamaica").
AREA_MODES = {"curfew", "martial-law", "restrict", "withhold", "censor"}
# "in parts of North Sinai": the place is read through them.
AREA_PARTS = word_list("place_part_nouns")


def _area_recipient(c: Candidate, token_actor, avoid: set[str], deep: bool = False) -> list:
    tok = c.tok
    anchors = [tok]
    if tok.pos_ in ("NOUN", "PROPN") and governing_verb(tok) is not None:
        anchors.append(governing_verb(tok))
    for a in anchors if deep else []:  # "agreed to set up a station at Digha": the act agreed to
        anchors += [x for x in a.children if x.dep_ in ("xcomp", "dobj", "conj") and x.i > a.i]
    if deep:  # "ease curfew hours imposed in parts of North Sinai": where the eased measure was put
        # (CAMEO 0813/0814 ease curfew / state of emergency: its target is the imposition's, 1724)
        anchors += [x for a in anchors if a.pos_ == "NOUN" and control_measure(a)
                    for x in a.children if x.dep_ == "acl" and x.tag_ == "VBN"]
    cands = [g for a in anchors for p in prep_children(a, ("in", "across", "throughout") + ("at",) * deep)
             for g in pobjs(p) if g.ent_type_ in ("GPE",) + ("LOC",) * deep
             or (deep and lemma(g) in AREA_PARTS and prep_objects(g, ("of",)))]
    return owners_of(cands, token_actor, avoid)


def _more_recipients(c: Candidate, roles: Roles, token_actor) -> list:
    found = _more_recipients_1(c, roles, token_actor)
    # where no party is named, a concession falls on the place it is made in ("agreed to lay down
    # their weapons in eastern Lebanon", "In Colombia, the ELN declared a ceasefire"), as PLV and
    # ConfliBERT mark it (not a plan: "agreed to set up an institute in Berlin")
    if not found and (c.reading.type == "COERCE" and c.reading.mode in AREA_MODES or c.reading.type == "CONCEDE"):
        found = _area_recipient(c, token_actor, set(actor_ids(roles.actors, token_actor)), c.reading.type != "COERCE")
    return found or mobilized_against(c, token_actor, set(actor_ids(roles.actors, token_actor)))  # its purpose


def _more_recipients_1(c: Candidate, roles: Roles, token_actor) -> list:
    """Where the first pass found no recipient actor: look through the phrases around the
    trigger for the one the act is directed at (the owner of its object, the destination of
    what is sent, the light verb's dative, the object of a framed complement)."""
    tok = c.tok
    avoid = set(actor_ids(roles.actors, token_actor))
    reading = c.reading
    preps = RECIPIENT_PREPS.get(reading.type, ())
    # 1. what the first pass took for the recipient, read through to its owner
    found = owners_of(roles.recipients, token_actor, avoid)
    if found:
        return found
    if tok.pos_ in ("VERB", "ADJ"):
        objs = _first_objects([c for c in tok.children if c.dep_ in ("dobj", "dative", "nsubjpass")], reading.type)
        # 2. the object's phrases: "suspended aid to X", "lifted its blockade of X",
        #    "rejected a request from X", "attacked an army camp in Mali"; of each object
        #    joined to it ("fired mortars and grenade launchers at X")
        found = owners_of([x for o in objs for x in expand(o)], token_actor, avoid)
        if found:
            return found
        # 2b. a giving verb's dative that the parser folded into the thing given: "granted the
        #     Pentagon permission to", "gave Ukraine access" (the dative as the object's compound)
        if lemma(tok) in GIVING_VERBS:
            found = owners_of([m for o in objs if lemma(o) in ACT_OBJECTS or o.lower_ in ACT_OBJECTS
                             for m in o.children if m.dep_ in ("compound", "nmod") and m.i < o.i],
                            token_actor, avoid)
            if found:
                return found
        # 3. the verb's own phrases: "sent experts to X", "flew medicine into X"
        names = set(preps) | {"to", "into"} if reading.type in ("AID", "MOBILIZE") else set(preps)
        if reading.type in ("MOBILIZE", "REQUEST") or (c.entry.arg("prep") or "").startswith("for>"):
            # "mobilized troops for an assault against X"; "called for a Russian withdrawal",
            # "called for sanctions against X" (THREATEN): the one the act asked for falls on
            names.add("for")
        if any(lemma(o) in ACT_OBJECTS or o.lower_ in ACT_OBJECTS for o in objs):
            # "suspended military aid to X", "cut ties with X": the act object's addressee
            names |= {"to", "on", "against", "with", "into"}
        heads = [tok]
        if reading.type == "ASSAULT":
            # "fired mortars and grenade launchers at X" (parsed "grenade" a verb joined to
            # "fired"): a joined verb with no subject of its own
            heads += [v for v in tok.children if v.dep_ == "conj" and v.pos_ == "VERB"
                      and not any(s.dep_ in ("nsubj", "nsubjpass") for s in v.children)]
        found = owners_of([g for h in heads for p in prep_children(h, names) if p.dep_ != "prt"
                         for g in pobjs(p)], token_actor, avoid)
        if found:
            return found
        # 4. an attack on a target that names no one ("attacked an army camp in Mali"):
        #    the country the target lies in
        if reading.type in ("ASSAULT", "COERCE") and any(o.dep_ == "dobj" and not _party_like(o) for o in objs):
            found = owners_of([g for p in prep_children(tok, ("in",)) for g in pobjs(p)
                             if g.ent_type_ == "GPE"], token_actor, avoid)
            if found:
                return found
        # 5a. a demand whose clause names who is to act: "demanded that X resign", "a
        #     resolution demanding X cut off aid", "ordered X jailed": X is asked (PLOVER
        #     REQUEST: requests, demands and orders; PLV's train part marks X as the target in
        #     5 of the 6 such clauses, the sixth a protest's demand); so too an order read as the
        #     coercion it orders ("ordered X jailed", classify.read: COERCE): X is the one coerced
        if reading.type == "REQUEST" or c.frame == "request":
            found = owners_of(clause_subjects(tok), token_actor, avoid)
            if found:
                return found
        # 5. the act the trigger frames: "agreed to provide Sri Lanka with technology"
        if reading.type in FRAMED_TYPES or c.frame:
            for c in tok.children:
                purpose = c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                if (c.dep_ in ("xcomp", "ccomp") or purpose) and c.pos_ == "VERB" and c.i > tok.i:
                    found = _framed_recipient(c, token_actor, avoid)
                    if found:
                        return found
        # 6. a refusal until another acts: "will not lift the embargo until Cuba undertakes
        #    reforms", "will not end the strike until their demands are met by the authorities":
        #    the one who must act first is the one the refusal is aimed at
        return [d for d in until_doers(tok) if set(ids_for(d, token_actor)) - avoid][:1]
    return _noun_recipients(c, tok, token_actor, avoid, preps)


def until_doers(verb) -> list:
    """Who must act before a refused act will be done: the doer of its "until" clause (its
    subject, or the "by" phrase of a passive clause), where the verb is negated ("will not lift
    the embargo until Cuba undertakes reforms"). PLV train part: of 12 "not ... until" sentences,
    7 name a doer in the clause, and all 7 mark that doer as the target."""
    if not any(c.dep_ == "neg" for c in verb.children):
        return []
    out = []
    for cl in verb.children:
        if cl.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "until" for m in cl.children):
            out += passive_agents(cl) if is_passive(cl) else subjects(cl)
    return out


def _noun_recipients(c, tok, token_actor, avoid, preps) -> list:
    """The recipient of an event noun: the phrases after it, a light verb's dative."""
    reading = c.reading
    # "its demand that X ease sanctions": who is asked (as step 5a reads "demanded that X")
    cands = demanded_doers(tok) if reading.type == "REQUEST" or c.frame == "request" else []
    if reading.type in OBJECTIVE_OF_TYPES:
        # "the release of two Kuwaiti nationals", "the arrest and detention of X"
        for n in [tok] + list(tok.conjuncts) + ([tok.head] if tok.dep_ == "conj" else []):
            cands += prep_objects(n, ("of",))
    names = set(preps)
    if any(lemma(g) in ACT_OBJECTS or g.lower_ in ACT_OBJECTS
           for p in prep_children(tok, ("of",)) for g in pobjs(p)):
        names |= {"to", "with", "for"}  # "a suspension of aid to X", "a cut of ties with X"
    if reading.type == "COERCE" and reading.mode == "arrest":
        names.add("for")  # "an arrest warrant for X" (CAMEO.2.0: ISSUE * {ARREST WARRANTS} [173])
    # "expressed anger at X", "voiced displeasure with X", "dismay over X" (CAMEO.2.0
    # EXPRESS/VOICE * DISPLEASURE ... [110/111]): the one the feeling is aimed at
    aimed = ("at", "with", "over") if reading.type == "ACCUSE" and c.entry.has("needs", "light-verb") else ()
    names |= set(aimed)
    cands += prep_objects(tok, names)
    found = owners_of(cands, token_actor, avoid)
    if found:
        return found
    verb = governing_verb(tok)
    if verb is not None and lemma(verb) in LIGHT_VERBS and tok.dep_ in ("dobj", "obj"):
        # "issued an ultimatum to X", "gave X a deadline", "carried out strikes against X"
        cands = [c for c in verb.children if c.dep_ == "dative" and c.pos_ != "ADP"]
        cands += [g for c in verb.children if c.dep_ == "dative" and c.pos_ == "ADP" for g in pobjs(c)]
        cands += [g for p in prep_children(verb, tuple(preps) + aimed) if p.dep_ != "prt" for g in pobjs(p)]
        found = owners_of(cands, token_actor, avoid)
        if found:
            return found
    return []


def _framed_recipient(verb, token_actor, avoid: set[str]) -> list:
    """The recipient of a complement act: its indirect object, an actor as its object, or
    an actor after "to"/"with"/"for" ("to work with China", "to send resources to Colombia")."""
    for _ in range(3):
        cands = [c for c in verb.children if c.dep_ == "dative" and c.pos_ != "ADP"]
        cands += [g for c in verb.children if c.dep_ == "dative" and c.pos_ == "ADP" for g in pobjs(c)]
        if lemma(verb) not in CREATION_VERBS:
            cands += [c for c in verb.children if c.dep_ == "dobj" and c.ent_type_ != "FAC"]
        cands += [g for p in prep_children(verb, ("to", "with", "for", "into")) if p.dep_ != "prt"
                  for g in pobjs(p)]
        cands += [g for o in verb.children if o.dep_ == "dobj"
                  for p in prep_children(o, ("to", "with", "for", "into")) for g in pobjs(p)]
        if lemma(verb) in PERMIT_VERBS:  # "refused to allow X to land": X is let (or not) act
            cands += [s for x in verb.children if x.dep_ == "ccomp" for s in x.children if s.dep_ == "nsubj"]
        found = owners_of(cands, token_actor, avoid)
        if found:
            return found
        nxt = [c for c in verb.children if c.dep_ in ("xcomp", "advcl") and c.pos_ == "VERB"
               and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
        if not nxt:
            return []
        verb = nxt[0]
    return []


# Verbs whose subject undergoes the act their object names: "faced sanctions", "received aid",
# "drew criticism", "came under attack".
UNDERGO_VERBS = word_list("undergo_verbs")
DIE_VERBS = word_list("die_verbs")  # PLOVER ASSAULT: who dies in it is its victim, the recipient


# Verbs of fighting an attack off: "repelled an attack by X", "thwarted a Houthi incursion".
FEND_VERBS = word_list("fend_verbs")


def fended_off(noun) -> list:
    """Who fights off the attack a noun names: the subject of "repelled/thwarted an attack"
    (the "by" phrase of "the attack was repulsed by the army"). They are at its receiving
    end; the attack is its doer's: "by X", "of X", "X's", "a Houthi incursion" (ACLED train
    part: 38 notes say an attack was repelled or thwarted, all of them battles)."""
    verb = governing_verb(noun)
    if verb is None or noun.dep_ not in ("dobj", "nsubjpass"):
        return []
    prt = next((c.lower_ for c in verb.children if c.dep_ == "prt"), "")
    if lemma(verb) not in FEND_VERBS and f"{lemma(verb)} {prt}" not in FEND_VERBS:
        return []
    return passive_agents(verb) if noun.dep_ == "nsubjpass" else subjects(verb)


def _undergoes(noun, verb) -> bool:
    if noun.dep_ in ("dobj", "obj") and lemma(verb) in UNDERGO_VERBS:
        return True
    if noun.dep_ == "pobj" and noun.head.lower_ in ("in", "during") and lemma(verb) in DIE_VERBS:
        return True  # "two aid workers died in an air raid": who dies in an attack suffers it
    return noun.dep_ == "pobj" and noun.head.lower_ == "under" and lemma(verb) == "come"


def _relative_object(verb):
    """For a verb inside a relative clause with an object relative pronoun: the antecedent."""
    v = verb
    for _ in range(6):
        if v.dep_ == "relcl":
            if any(c.lower_ in RELATIVE_PRONOUNS and c.dep_ in ("dobj", "pobj") for c in v.subtree):
                return v.head
            return None
        if v.head is v:
            return None
        v = v.head
    return None
