"""find_events: one article's path through the event steps.

candidates -> classify.read -> arguments.assign -> modality.assess ->
[model.event_views] -> classify.decide -> EventHit -> dedupe.
"""

from __future__ import annotations

from dataclasses import replace

from communique.extract import roles as role_step
from communique.extract.fatalities import PERSON_NOUNS, casualties
from communique.extract.syntax import doc_text
from communique.kb import longest_sector_phrase, sector_of as sector_of_word
from communique.lexicon import Entry, Lexicon, cameo_info, load_lexicon, plover_score
from communique.word_lists import word_list

from . import (acled_reading, arguments, classify, disrupted, joint_sides, modality, model,
               note_tags, observers, protest_crowd, sentence_reading)
from .victims_armed import head_armed
from .candidates import Candidate, drop_protest_topics, find_candidates
from .background import drop_background
from .dedupe import dedupe
from .sides import agreed_type, filled_joint_roles, host_and_guests, joint_roles, nearby_sides, split_fight_sides
from .targets import fired_at_unarmed
from .owners import join_owners
from .victims_joined import hurt_in as _hurt_in, join_victims, lost_subjects as _lost_subjects
from .hit import EventHit
from .tree import (governing_verb, is_passive, lemma, lost_passive_subject, pobjs, prep_children,
                   prep_objects, told_as_background)


def find_events(doc, actors=None, lexicon: Lexicon | None = None, event_model=None,
                explain: bool = False, role_model=None, role_tagger=None) -> list[EventHit]:
    """The PLOVER events of a parsed document.

    Args:
        doc: a spaCy Doc parsed with a dependency parser.
        actors: anything with ``.token_actor`` (token index -> actor id); None for no actors.
        lexicon: from :func:`communique.lexicon.load_lexicon`; the built-in one by default.
        event_model: a loaded :class:`communique.models.event_model.EventModel` to decide
            types and modes with; None for the lexicon's rules alone.
        explain: give each event its ``why``.
        role_model: the role step's model (:mod:`communique.extract.roles`); None for the
            shipped one, False for the argument rules alone.
        role_tagger: a loaded :class:`communique.models.role_tagger.RoleTagger` (model mode):
            its source and target spans decide the roles of each sentence's main event
            (:func:`communique.extract.roles.tag_events`); None for the rules and the role model.
    """
    lexicon = lexicon or load_lexicon()
    fill = role_step.load_model() if role_model is None else (role_model or None)
    token_actor: dict[int, str] = dict(getattr(actors, "token_actor", None) or {})
    country_of = {getattr(a, "id", None): getattr(a, "country", None)
                  for a in (getattr(actors, "actors", None) or [])}
    sector_of = {getattr(a, "id", None): getattr(a, "sector", None)
                 for a in (getattr(actors, "actors", None) or [])}
    latest = modality.latest_year(doc)
    cands = find_candidates(doc, lexicon, token_actor)
    classify.read(cands)
    between: set[int] = set()  # triggers of "clashes between X and Y" (both sides act); leads crowd_first set
    staged = _stage(cands, token_actor, latest, country_of, between)
    kept = {id(c) for c in drop_protest_topics([s[0] for s in staged])}
    staged = [s for s in staged if id(s[0]) in kept]
    if event_model is not None and not staged:
        # a text in which the lexicon finds nothing: the model's reading, where its heads agree
        staged = _stage(_untriggered(doc, event_model), token_actor, latest, country_of, between)
    # ACLED's crowd-size tag: the note's leading act is its demonstration (note_tags)
    tagged = note_tags.crowd_tagged(doc)  # model mode: its lead only where it reads as nothing
    if tagged and not staged:
        found = note_tags.tagged_candidate(doc)
        classify.read(found)
        staged = _stage(found, token_actor, latest, country_of, between)
    # ACLED's strategic-development label: the note's leading act is one (note_tags)
    label = note_tags.note_label(doc) if not tagged else None
    if label and not staged:
        found = note_tags.label_candidate(doc, label)
        classify.read(found)
        staged = _stage(found, token_actor, latest, country_of, between)
    if event_model is not None and not tagged and not label:
        # model mode: sentences the lexicon left without an event near their root
        staged += _stage(sentence_reading.candidates(doc, [s[0] for s in staged], event_model,
                                                     token_actor), token_actor, latest, country_of, between)
    lead = next((s[0] for s in staged if s[2].modality == "asserted" and not s[2].negated),
                None) if tagged or label else None
    retyped = False  # whether the lead was read as the note's demonstration here
    mains = model.main_candidates([(s[0], s[2]) for s in staged]) if event_model else set()
    sentence_types: dict[int, set[str]] = {}
    for s in staged:
        sentence_types.setdefault(s[0].tok.sent.start, set()).add(s[0].reading.type)
    views = model.event_views([(s[0], s[1]) for s in staged if id(s[0]) in mains], event_model,
                              token_actor, sentence_types) if event_model else {}
    # sentences that tell of a fight both sides wage ("clashes", "exchanged fire")
    two_sided = {s[0].tok.sent.start for s in staged if s[0].entry.has("two-sided")}
    # paragraphs that tell of such a fight as happening ("A shoot-out broke out and a suspect was
    # shot"): train part, 0 of 36 notes whose main ASSAULT has a clash or shoot-out beside it
    # are violence against civilians
    fight_paragraphs = {_paragraph(s[0].tok) for s in staged if s[0].entry.has("two-sided")
                        and s[2].modality == "asserted" and not s[2].negated
                        and not told_as_background(s[0].tok)}
    grieved = _grievances(staged) if event_model is None else set()
    riots = _riot_paragraphs(doc, staged, sector_of, token_actor,  # model mode: acled_reading.violent
                             _grievances(staged) if event_model else grieved)
    # sentences that tell of people killed or hurt, or of fighting (an ASSAULT not of property),
    # not as an earlier happening ("took control of two villages after the fighting": the
    # fight was over)
    fighting = {s[0].tok.sent.start for s in staged if s[0].reading.type == "ASSAULT"
                and s[0].reading.mode != "destroy" and s[2].modality == "asserted"
                and not told_as_background(s[0].tok)}
    answered = _fire_answered(doc)
    repelled = _repelled(doc)  # model mode: the ACLED reading's one-sided violence (classify.decide)
    events = []
    for c, roles, mood, actor_ids, recipient_ids, hosts in staged:
        people = _victims(c.tok, token_actor, sector_of, rules=event_model is None) \
            if c.reading.type == "ASSAULT" else []
        victims = [sector for sector, _person, main in people if main] if event_model else []
        # fire answered or an attack repelled in the paragraph: a fight both sides wage
        fought = _paragraph(c.tok) in answered[1] or _paragraph(c.tok) in repelled or \
            _paragraph(c.tok) in fight_paragraphs
        d = classify.decide(c, roles, mood, token_actor, hosts, views.get(c.tok.sent.start),
                            id(c) in mains, [sector_of.get(i) for i in recipient_ids], victims,
                            c.tok.sent.start in two_sided or fought)
        if event_model is not None:
            d = acled_reading.violent(d, c.reading, _paragraph(c.tok) in riots)
        elif _paragraph(c.tok) in riots:
            d = _as_riot(d, c, actor_ids + recipient_ids, sector_of, token_actor)
        if d.type == "ASSAULT" and d.mode in REMOTE_MODES and (
                c.tok.sent.start in answered[0] or _paragraph(c.tok) in answered[1]
                or event_model is not None and c.entry.has("two-sided")):
            # fire the other side answers is a fight both sides wage: ACLED codes it a battle
            # whatever its weapons (remote violence is one-sided: the target cannot respond)
            d = replace(d, mode=None)
        if event_model is None and (d.type, d.mode, c.entry.cameo) == ("COERCE", "seize", "192") \
                and c.tok.sent.start in fighting:
            # ACLED codebook: territory taken in fighting (government regains territory, a
            # non-state actor overtakes territory) is a battle; PLOVER manual, ASSAULT: the use of
            # conventional military force. "took control of the villages, killing a soldier"
            # (train part: 2 of 2 notes whose first act it is; without a fight told beside it,
            # 2 of 2 are strategic developments)
            d = replace(d, type="ASSAULT", mode=None, cameo="190")
        if d.type == "ASSAULT" and id(c) not in grieved:
            d = _mob_or_one_sided(d, c, roles.actors, actor_ids, recipient_ids, people, sector_of,
                                  c.tok.sent.start in two_sided or fought, event_model is None,
                                  fired_at_unarmed(c.tok, token_actor, sector_of))
        if c is lead and label:
            sectors = [sector_of.get(i) for i in recipient_ids]
            if not note_tags.strategic(d.type, d.mode, sectors) and (  # model: the head agrees
                    event_model is None or not note_tags.acled_type(d.type, d.mode, sectors)
                    or acled_reading.reads(views.get(c.tok.sent.start), "Strategic developments")):
                d = replace(d, type=label[0], mode=label[1], hosts=None,
                            cameo=model.cameo_for(label[0], label[1], d.cameo))
        elif c is lead and (d.type != "PROTEST" or d.mode == "demo" and note_tags.called_mob(doc)) \
                and (event_model is None or not note_tags.acled_type(d.type, d.mode, [
                    sector_of.get(i) for i in recipient_ids])):
            retyped = True
            demo, actor_ids, recipient_ids = note_tags.lead_demonstration(d, c.tok, actor_ids, recipient_ids,
                                                                          staged, sector_of, between)
            d = replace(d, type="PROTEST", mode=demo, hosts=None,
                        cameo=model.cameo_for("PROTEST", demo, d.cameo))
        if d.hosts:
            actor_ids, recipient_ids = d.hosts
        if d.type == "CONSULT" and d.mode != "visit":
            # no one hosts: how sure the event is rests on its participants, not on who of
            # them the data call the recipient (joint_roles, below)
            actor_ids, recipient_ids = actor_ids + recipient_ids, []
        if d.type in ("ASSAULT",) and not actor_ids and not recipient_ids:
            actor_ids = nearby_sides(doc, c.tok, token_actor)
        actor_ids, recipient_ids = protest_crowd.crowd_sides(c.tok, d.type, actor_ids, recipient_ids, token_actor,
                                                              sector_of)
        # "UK and EU negotiators": one side per country
        actor_ids = joint_sides.shared_body(c.tok, d.type, actor_ids, recipient_ids, token_actor)
        hit = _event_hit(doc, c, d, mood, actor_ids, recipient_ids, explain)
        hit.actor_ids, hit.recipient_ids = joint_roles(agreed_type(c, d.type), d.mode, actor_ids, recipient_ids)
        events.append(hit)
    events = disrupted.mark_disrupted(doc, dedupe(drop_background(events, doc, {lead.tok.i} if lead else set()), doc), sector_of)
    if retyped:
        # the crowd of a tagged note whose lead was read as a peaceful protest: violent where
        # another of its events tells so (note_tags.riot_beside)
        for e in events:
            if e.trigger_token == lead.tok.i and e.type == "PROTEST" and e.mode != "riot" and \
                    note_tags.riot_beside(e, events, sector_of):
                e.mode, e.cameo = "riot", model.cameo_for("PROTEST", "riot", e.cameo)
                _desc, e.goldstein, e.quad_class = cameo_info(e.cameo)
                e.plover_score = plover_score(e.type, e.mode)
    if fill is not None:
        # roles the rules left empty, filled by the trained role step once each happening
        # is one event (how sure an event is still rests on what the rules found); a joint
        # act's parties split as the rules split them (sides.filled_joint_roles)
        for e in events:
            if e.trigger_token not in between and role_step.applies_to(e.type, e.mode):
                e.actor_ids, e.recipient_ids = filled_joint_roles(e, role_step.assign(
                    fill, doc[e.trigger_token], e.type, token_actor, e.actor_ids, e.recipient_ids), doc, token_actor)
    if role_tagger is not None:
        role_step.tag_events(role_tagger, doc, events, token_actor, skip=between)
    join_victims(staged, events, token_actor)  # one-sided violence: its victims receive it
    join_owners(staged, events, token_actor)  # "excavators belonging to the Turkish forces"
    # PLOVER manual, ASSAULT: in two-sided violence the sides are the participants; civilians
    # hurt in a clash or an exchange of fire are no recipient of it, unless named as a side
    # ("clashed with protesters"); so too in a sentence whose main event the event model's
    # ACLED reading surely calls a battle (ACLED codebook: armed groups fighting each other;
    # civilians killed in it are its casualties, not its target; an unsure reading does not
    # outweigh the civilians the act falls on: "1 civilian was killed by Afghan forces")
    sides = {s[0].tok.i: set(arguments.actor_ids(
        prep_objects(s[0].tok, ("with", "against", "between")),
        token_actor)) for s in staged if s[0].entry.has("two-sided") or (
            id(s[0]) in mains and acled_reading.reads(views.get(s[0].tok.sent.start), "Battles",
                                                      acled_reading.ACLED_SURE))}
    fights = {s[0].tok.i for s in staged if s[0].entry.has("two-sided")}
    for e in events:
        if e.trigger_token in sides and (e.trigger_token in fights or e.type == "ASSAULT"):
            e.recipient_ids = [i for i in e.recipient_ids if i in sides[e.trigger_token]
                               or sector_of.get(i) not in acled_reading.CIVILIAN_SECTORS]
    # so too (both modes) the people another ASSAULT of the sentence falls on ("a man was
    # killed after exchanging fire with the police", "two civilians were killed in
    # shooting during clashes between two families"): the fight's casualties
    by_sentence: dict[int, set[str]] = {}
    for t in fights:
        by_sentence.setdefault(doc[t].sent.start, set()).update(sides.get(t, ()))
    for e in events:
        start = doc[e.trigger_token].sent.start
        if e.type == "ASSAULT" and e.trigger_token not in fights and start in by_sentence:
            e.recipient_ids = [i for i in e.recipient_ids if i in by_sentence[start]
                               or sector_of.get(i) not in acled_reading.CIVILIAN_SECTORS]
    split_fight_sides(events, fights, doc, token_actor)  # the first side acts, the other receives
    observers.drop_observers(events, doc, token_actor)  # who saw or reported violence did not do it
    return events


def _stage(cands, token_actor, latest, country_of, between: set[int]) -> list[tuple]:
    """(candidate, roles, mood, actor ids, recipient ids, hosts) of each candidate that names
    an act someone does; ``between`` collects the triggers of "clashes between X and Y"."""
    staged = []
    for c in cands:
        roles = arguments.assign(c, token_actor)
        if any(t.lower_ in ("you", "one") for t in roles.actors + roles.recipients) and not any(
                t.lower_ not in ("you", "one") for t in roles.actors):
            # generic "you" ("you walk down the street and you get shot"): no one in particular
            continue
        if (c.tok.pos_ == "VERB" and c.tok.dep_ in ("ROOT", "ccomp") and not roles.actors
                and not is_passive(c.tok) and not c.reported and c.tok.tag_ != "VBD"):
            # an imperative or a fragment ("Promise mama you'll ..."): nobody acts. A verb in
            # the past tense is told of someone: its subject is one the parse lost ("in
            # Paletwa Township, Chin State, the military and AA clashed")
            continue
        # a demand made in reported speech is as real as the saying of it
        mood = modality.assess(c.tok.head if c.reported else c.tok, latest,
                               conditions=c.reading.type != "THREATEN")
        actor_ids = arguments.actor_ids(roles.actors, token_actor)
        recipient_ids = [i for i in arguments.actor_ids(roles.recipients, token_actor) if i not in actor_ids]
        if roles.between:
            # "clashes between X and Y": both sides act, no recipient.
            recipient_ids = []
            between.add(c.tok.i)
        hosts = None
        if c.reading.type == "CONSULT" and country_of:
            hosts = host_and_guests(c.tok, token_actor, country_of, actor_ids + recipient_ids)
        staged.append((c, roles, mood, actor_ids, recipient_ids, hosts))
    return staged


def _untriggered(doc, event_model) -> list[Candidate]:
    """The candidate the event model makes of a text in which the lexicon found no trigger:
    the root verb of its first sentence that has one, with the type and mode the model's heads
    agree on (:func:`.acled_reading.untriggered`); none where they do not agree."""
    sent = next((s for s in doc.sents if s.root.pos_ == "VERB"), None)
    found = acled_reading.untriggered(sent, event_model) if sent is not None else None
    if found is None:
        return []
    type_, mode, _kind = found
    tok = sent.root
    entry = Entry(lemma=tok.lemma_.lower(), pos="verb", type=type_, mode=mode, contexts=(),
                  cameo=model.cameo_for(type_, mode), source="model")
    c = Candidate(tok=tok, entry=entry, span=(tok.i, tok.i + 1))
    classify.read([c])
    return [c]


# who takes part in a riot: unarmed people (communique/data sectors), the opposition
CROWD_SECTORS = acled_reading.CIVILIAN_SECTORS | {"OPP"}
RIOT_WORDS = word_list("riot_words")


# modes of violence from afar, which a target cannot answer (ACLED: remote violence)
REMOTE_MODES = ("heavy-weapons", "explosives")
# what fire is answered with or by: "fired back", "returned fire", "responded to the shelling"
ANSWERED = word_list("answered")
# verbs of an attack fought off ("repelled an attack", "before being repulsed by the army")
REPEL_VERBS = word_list("repel_verbs")


def _fire_answered(doc) -> tuple[set[int], set[int]]:
    """Sentences that tell of fire "in both directions" (their starts; not "blocked both
    directions of the highway"), and paragraphs that tell of fire answered: "fired back",
    "returned fire", "responded to the shelling", or fire in both directions."""
    text = doc_text(doc).lower()
    both = set()
    if "both directions" in text:
        both = {t.sent.start for t in doc if t.lower_ == "directions" and t.i > 0
                and doc[t.i - 1].lower_ == "both" and t.head.lower_ == "in"}
    # fire "in both directions" is answered fire in the whole paragraph ("X fired mortars at
    # the positions. The OSCE observed 23 explosions in both directions of the frontline":
    # train part, 32 notes say so, all battles)
    answered = {_paragraph(doc[s]) for s in both}
    if any(w in text for w in ("back", "return", "respond", "react")):
        for t in doc:
            lem = lemma(t)
            if (lem in ("fire", "shoot") and any(k.lower_ == "back" for k in t.children)) or (
                    lem == "return" and any(lemma(k) in ANSWERED for k in t.children
                                            if k.dep_ == "dobj")) or (
                    lem in ("respond", "react") and any(lemma(g) in ANSWERED or g.lower_ in ANSWERED
                                             for p in prep_children(t, ("to", "with"))
                                             for g in pobjs(p))):
                answered.add(_paragraph(t))
    return both, answered


def _repelled(doc) -> set[int]:
    """Paragraphs that tell of an attack fought off ("repelled an attack", "before being
    repulsed by the army"): train part, 25 of 25 notes that say so are battles (ACLED codebook:
    a battle is a fight between two armed sides), so no act of theirs is one-sided violence.
    Its weapons still say what they are: a shelling repelled stays a shelling."""
    text = doc_text(doc).lower()
    if "repel" not in text and "repuls" not in text:
        return set()
    return {_paragraph(t) for t in doc if lemma(t) in REPEL_VERBS}


def _paragraph(tok) -> int:
    """The paragraph of ``tok``: the offset of the newline before its sentence (-1: the first)."""
    return doc_text(tok.doc).rfind("\n", 0, tok.sent.start_char)


def _crowd_fight(c, ids, sector_of, token_actor) -> bool:
    """A fight both sides wage with a crowd on one side ("youths clashed with police"), or
    between groups of unarmed people (:func:`_unarmed_groups`)."""
    return c.entry.has("two-sided") and (
        any(sector_of.get(i) in CROWD_SECTORS for i in ids)
        or _unarmed_groups(c.tok, ids, sector_of, token_actor))


# words that name a side of a fight as people together, not as an armed body
GROUP_SIDES = word_list("group_sides")


def _unarmed_groups(tok, ids, sector_of, token_actor) -> bool:
    """A fight between groups no word arms ("a clash took place between two groups of the X
    community", "two groups of truck drivers clashed"): ACLED codebook, mob violence (rioters
    fighting each other); not factions, clans or families (armed for ACLED: communal and clan
    militias), not "two groups of security forces". Its sides: the subject of the trigger, what
    it is "between" or "with", also where the trigger is the subject of a verb of occurring ("a
    clash took place between")."""
    heads = [tok] + ([tok.head] if tok.dep_ == "nsubj" and tok.pos_ == "NOUN" else [])
    sides = [k for h in heads for k in h.children if k.dep_ == "nsubj" and k is not tok]
    sides += [g for h in heads for p in prep_children(h, ("between", "with", "among"))
              for g in pobjs(p)]
    sides += [k for s in sides for k in s.conjuncts]
    if not any(lemma(s) in GROUP_SIDES for s in sides):
        return False
    armed = acled_reading.ARMED_SECTORS
    if any(sector_of.get(i) in armed for i in ids) or any(lemma(t) in ARMS for t in tok.sent):
        return False  # "both groups reported to be using firearms"
    for s in sides:
        for t in s.subtree:
            if sector_of.get(token_actor.get(t.i)) in armed or lemma(t) in KIN_GROUPS or \
                    (sector_of_word(lemma(t)) or sector_of_word(t.lower_)) in armed:
                return False
    return True


# arms that make a group an armed one; words of ethnic and clan groups, which ACLED codes as
# identity militias when they fight
ARMS = word_list("arms")
KIN_GROUPS = word_list("kin_groups")


def _riot_paragraphs(doc, staged, sector_of, token_actor, grieved: set[int]) -> set[int]:
    """Paragraphs that tell of a riot (PLOVER manual, PROTEST riot: a protest that intends
    injury or damage): a riot trigger ("hurled rocks", "burned tyres") not named as an earlier
    happening, a crowd fighting ("youths clashed with police"), people its writer calls rioters,
    or, where the paragraph tells of a protest, fire the protesters set. ``grieved``: the
    candidates that are what a protest is against (:func:`_grievances`), which are none of it."""
    out = set()
    protests = set()
    violence = set()  # paragraphs where a protest's people may be the ones who fight
    for c, roles, mood, actor_ids, recipient_ids, _hosts in staged:
        if id(c) in grieved:
            continue
        if (c.reading.type, c.reading.mode) == ("PROTEST", "riot") and mood.modality == "asserted" \
                and not told_as_background(c.tok) or _crowd_fight(c, actor_ids + recipient_ids, sector_of,
                                                                   token_actor):
            out.add(_paragraph(c.tok))
        if c.reading.type == "PROTEST" and mood.modality == "asserted":
            protests.add(_paragraph(c.tok))
        if mood.modality == "asserted" and not told_as_background(c.tok) and _unruly(
                c, roles.actors, actor_ids, recipient_ids, sector_of):
            violence.add(_paragraph(c.tok))
    out |= violence & protests
    text = doc_text(doc).lower()
    if "rioter" in text:  # walk the tokens only where the word may be
        out |= {_paragraph(t) for t in doc if t.lower_ in RIOT_WORDS}
    if protests - out and any(w in text for w in ("burn", "fire", "ablaze", "torch")):
        out |= {p for p in (_paragraph(t) for t in doc if _protesters_fire(t, token_actor, sector_of))
                if p in protests}
    return out


# what a protest is "against" or "over"
GRIEVANCE_PREPS = ("against", "over")


def _grievances(staged) -> set[int]:
    """The ids of the candidates that are what a protest of the text is against
    (:func:`_grievance`)."""
    protests = [s[0].tok for s in staged if s[0].reading.type == "PROTEST"]
    if not protests:
        return set()
    triggers = {t.i for t in protests}
    anchors = triggers | {v.i for t in protests for v in [governing_verb(t)] if v is not None}
    return {id(s[0]) for s in staged if s[0].reading.type != "PROTEST"
            and _grievance(s[0].tok, anchors, triggers)}


def _grievance(tok, anchors: set[int], triggers: set[int]) -> bool:
    """An act named as what a protest is against (PLOVER manual, PROTEST: the topic of a protest
    is not coded with it; ACLED codebook: a violent demonstration is one whose demonstrators
    engage in violence): "protested against the attack on their leader", "protested the killing
    of a student", "demonstrated against the trial of youths who clashed with another group".
    It tells what the protest is about, not what its crowd did: no riot. ``anchors``: the
    protest triggers and the verbs that hold them ("held a protest against"); ``triggers``:
    the protest triggers alone (the object of "protested", not of "held")."""
    for a in [tok] + list(tok.ancestors)[:6]:
        if a.dep_ == "pobj" and a.head.lower_ in GRIEVANCE_PREPS and a.head.head.i in anchors:
            return True
        if a.dep_ == "dobj" and a.head.i in triggers:
            return True
    return False


def _unruly(c, actors, actor_ids, recipient_ids, sector_of) -> bool:
    """Violence that, told beside a protest, is the protest's (ACLED codebook, violent
    demonstration: demonstrators who engage in violence or destroy property): property
    vandalized ("demonstrated and vandalized a clinic"), a crowd's attack ("journalists were
    beaten up by demonstrators", :func:`_is_crowd`), or a fight both sides wage with no armed
    group on either side ("clashes with the police broke out", "a small scuffle with
    counter-demonstrators"). Not rebels', militias', gangs' or gunmen's fights."""
    r = c.reading
    if (r.type, r.mode) == ("PROTEST", "vandalize"):
        # not a symbol burnt ("burned a flag", "burning effigies")
        return not any(lemma(o) in BURNT_SYMBOLS for o in arguments.victims(c.tok))
    if r.type != "ASSAULT" or r.mode not in (None, "primitive", "beat"):
        return False
    if _is_crowd(actors, actor_ids, sector_of):
        return True
    return c.entry.has("two-sided") and not any(
        sector_of.get(i) in NON_STATE_ARMED for i in actor_ids + recipient_ids)


# armed sides that make a fight a battle whoever else is there (ACLED: rebels, militias,
# unidentified armed groups, gangs)
NON_STATE_ARMED = {"REB", "PRM", "UAF", "CRM"}


def _is_crowd(actors, actor_ids, sector_of) -> bool:
    """A crowd of unarmed people: actors all of a crowd sector, each plural or a crowd word
    ("a mob of villagers", "citizens", "three persons")."""
    return bool(actor_ids) and all(sector_of.get(i) in CROWD_SECTORS for i in actor_ids) and all(
        t.tag_ in ("NNS", "NNPS") or lemma(t) in CROWD_HEADS for t in actors)


# what a protest burns as a symbol, not as violence ("burned an effigy", "burning flags")
BURNT_SYMBOLS = word_list("burnt_symbols")


def _protesters_fire(tok, token_actor, sector_of) -> bool:
    """Fire a protest sets (ACLED codebook, violent demonstration: destructive acts; PLOVER
    manual, PROTEST riot: the participants intend property damage): "barricaded roads with
    burning tyres", "demonstrated setting fire to mattresses", "people burned objects". Not a
    name ("the Torch Movement"), not a deed the protest is about ("demanding the arrest of people
    who set fire to crops": a relative clause), not a symbol ("burned an effigy"), not armed
    people's fire."""
    lem = tok.lemma_.lower()
    if lem in ("burn", "torch") and tok.pos_ != "NOUN" or tok.lower_ == "ablaze" or (
            tok.lower_ == "burning" and tok.dep_ in ("amod", "compound")):
        # not torches carried ("a march with torches"); "burning material" whatever the tagger
        # makes of "burning" (a noun compound as often as an adjective)
        act = tok
    elif tok.lower_ == "fire" and "set" in (tok.head.lemma_, tok.head.head.lemma_):
        act = tok.head if tok.head.lemma_ == "set" else tok.head.head
    else:
        return False
    if tok.pos_ == "PROPN" or any(a.dep_ in ("relcl", "acl") for a in [act] + list(act.ancestors)):
        return False
    burnt = [c for c in act.children if c.dep_ in ("dobj", "nsubjpass")]
    if act.dep_ in ("amod", "compound"):
        burnt.append(act.head)
    if any(lemma(t) in BURNT_SYMBOLS for t in burnt):
        return False
    doers = [c for c in act.children if c.dep_ == "nsubj"] + [
        g for c in act.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return not any(sector_of.get(token_actor.get(t.i)) in acled_reading.ARMED_SECTORS for t in doers)


def _as_riot(d: classify.Decision, c, ids, sector_of, token_actor) -> classify.Decision:
    """In a paragraph that tells of a riot (rules mode), its protests are the riot, and so is
    a crowd's fight."""
    if d.type == "PROTEST" and d.mode in (None, "demo", "obstruct") or (
            d.type == "ASSAULT" and _crowd_fight(c, ids, sector_of, token_actor)):
        return replace(d, type="PROTEST", mode="riot", cameo=model.cameo_for("PROTEST", "riot", d.cameo))
    return d


def _victims(tok, token_actor, sector_of, rules: bool = False) -> list[tuple[str | None, bool, bool]]:
    """The people an act falls on (:func:`.arguments.victims`), as (sector, person, main): the sector
    of the actor a victim noun, its modifiers or its "of" phrase stand for ("1 NDS member", "a
    member of the Elite Forces"), else the sector its words name ("a police officer", "a gang
    member"); person: the noun names people ("three men", "two brothers", "a trader") or a
    place where people live (``SETTLEMENTS``: "the village", "a farm"; a place named with its
    admin chain, :func:`_named_place`), not a thing ("a police post"); main: the sector is the
    actor's, or the words' where no actor stands for the victim or the victim's own noun names
    armed people ("a Govt soldier": :mod:`.victims_armed`; the model mode reads these alone;
    the rules also the words' beside an actor's, and guards as armed). ``rules``: also the
    people hurt in the act a noun names (:func:`_hurt_in`) and the subject the parse lost
    (:func:`_lost_subjects`). A victim ACLED counts as a civilian
    whatever its words' sector (:func:`_defenceless`: off duty, a suspect) is one in both modes."""
    out = []
    for v in arguments.victims(tok) + (_hurt_in(tok) + _lost_subjects(tok)
                                        + lost_passive_subject(tok) if rules else []):
        if _defenceless(v):
            out.append(("CVL", True, True))
            continue
        left = [t for t in v.lefts if t.dep_ in ("compound", "amod", "nmod")]
        around = [v] + left + [g for p in v.children if p.dep_ == "prep" and p.lower_ == "of"
                              for g in pobjs(p)]
        # force against protesters is no violence against civilians (ACLED codebook: excessive
        # force against protesters is coded with the protest)
        person = lemma(v) in PERSON_NOUNS or lemma(v) in ONE_SIDED_PEOPLE or (
            lemma(v) in SETTLEMENTS) or _named_place(v) or (lemma(v) == "camp" and any(
                t.lower_ in CAMP_PEOPLE for t in left))
        protesters = lemma(v) in PROTESTERS
        found = longest_sector_phrase([t.lower_ for t in left + [v]])
        # the words' own sector counts beside the actor's: "13 Taliban militants" are armed
        # whatever sector the name has; guards are armed (ACLED: private security forces)
        words = found[2] if found else None
        named = "MIL" if lemma(v) in ARMED_PEOPLE else words
        ids = [token_actor[t.i] for t in around if t.i in token_actor]
        sectors = [(sector_of.get(i), True) for i in ids] + ([(words, True)] if not ids else [])
        if named and (ids or named != words):
            # the model mode reads it too where the victim's own noun names armed people
            # ("a Govt soldier", "two rebels of X"): victims_armed.head_armed
            sectors.append((named, head_armed(found, len(left), named)))
        out += [(sector, not protesters and (person or sector in acled_reading.CIVILIAN_SECTORS), main)
                for sector, main in sectors]
    return out


def _named_place(v) -> bool:
    """A place named with its admin chain in brackets, ACLED's way ("attacked Namava
    (Pemba-Metuge, Cabo Delgado)", "attacked Manini and Komo in Chikun LGA (Kaduna)"): an attack
    on it falls on the people who live there, as one on a village does (``SETTLEMENTS``). Train
    part: 8 notes whose trigger "attacked" has such an object are violence against civilians, 1
    a battle (a fight the attackers were "engaged in", which stays one). Both modes (the model
    mode since the fourteenth round: train part, 1 note read as a battle becomes violence against
    civilians, as ACLED codes it; held-out part unchanged). Each name of a list the chain closes
    ("attacked A, B, C, D, E and F villages in X LGA (Y)": the parse makes each name the
    conjunct of the one before; train part, rules mode, 1 more note right, held-out unchanged)."""
    head = v
    while head.dep_ == "conj" and head.head.i < head.i:  # a list: "attacked A, B, C and D"
        head = head.head
    if v.pos_ != "PROPN" or head.dep_ not in ("dobj", "nsubjpass") or head.head.pos_ != "VERB":
        return False  # the object of a verb ("attacked X"), not of a noun or a preposition
    for t in v.doc[v.i + 1:min(v.sent.end, v.i + 25)]:
        if t.text == "(":
            return True
        if t.pos_ not in ("PROPN", "CCONJ", "ADP") and t.text != "," and t.lower_ not in (
                "lga", "district", "area", "county", "village", "villages", "town"):
            return False
    return False


def _defenceless(v) -> bool:
    """A victim ACLED counts as a civilian whatever the words' sector: one off duty ("two
    off-duty police officers", "a soldier (assumed off-duty)", "the chief of police who was
    off-duty"; not "not clear ... if he was off-duty") and a suspect, one accused of a crime and
    not fighting ("a drug suspect was killed during a police raid"; ACLED codebook, violence
    against civilians: civilians are unarmed and not engaged in political violence)."""
    if lemma(v) in DEFENCELESS_HEADS:
        return True
    words = [t for t in v.subtree]
    doc = v.doc
    if v.i + 1 < len(doc) and doc[v.i + 1].text == "(":
        # a bracket right after the victim, whatever the parse made of it ("(assumed off-duty)")
        end = next((t.i for t in doc[v.i + 1:v.i + 8] if t.text == ")"), v.i + 1)
        words += list(doc[v.i + 2:end])
    for i, t in enumerate(words):
        if t.lower_ in ("off-duty", "off") and (t.lower_ == "off-duty" or any(
                n.lower_ == "duty" for n in words[i + 1:i + 3])):
            if not any(n.lower_ in ("if", "whether") for n in words[max(0, i - 4):i]):
                return True
    return False


# victim nouns that name someone accused, not fighting (sectors.tsv gives them CRM)
DEFENCELESS_HEADS = word_list("defenceless_heads")
# people nouns a victim may be besides fatalities.PERSON_NOUNS (plurals and collectives the
# lemmatiser keeps, and what is found of a victim: "a female body was found")
ONE_SIDED_PEOPLE = word_list("one_sided_people")
# ASSAULT modes that say nothing of who the victims are (remote means, abduction, sexual
# violence, beatings and killings already tell what ACLED makes of them)
OPEN_MODES = (None, "firearms", "primitive")
ARMED_PEOPLE = word_list("armed_people")
# places where people live or work the land that an attack falls on (ACLED codebook, violence
# against civilians: an armed group's attack on a village, a farm, a cattle camp; "attacked
# Natuco village", "attacked the village of X"): their people are its victims
SETTLEMENTS = word_list("settlements")
# camps where people live ("a cattle camp", "a refugee camp"), not a training or army camp
CAMP_PEOPLE = word_list("camp_people")
PROTESTERS = word_list("protesters")
CROWD_HEADS = word_list("crowd_heads")


def _mob_or_one_sided(d: classify.Decision, c, actors, actor_ids, recipient_ids, people,
                      sector_of, two_sided: bool, mob: bool = True, aimed: bool = False
                      ) -> classify.Decision:
    """Who fights whom decides what an ASSAULT is when its trigger does not (both modes: with
    the event model the head reads what kind of act it is, and where it leaves an ASSAULT
    with no one-sided or remote mode, these rules say whom it fell on. Train part of the ACLED
    notes, model mode: where the two records differ, rules mode's violence against civilians
    was right in 20 notes the model's battle in 2; macro-F1 train part 0.923 -> 0.9285).

    - Mob violence (``mob``; rules mode only: the model's riot reading decides it): a crowd of unarmed people (a mob, villagers, residents, citizens: all its
      actors of a crowd sector, each plural or a crowd word) that attacks or beats is a riot
      (PLOVER manual, PROTEST riot: violent action whose participants intend injury or damage;
      ACLED codebook, Riots / mob violence: violence by a group not organised as an armed one).
      Not with firearms: armed men are no mob.
    - One-sided violence: an act that falls on people, none of them armed (no military, police,
      rebel, militia, spy or criminal sector among its victims and recipients), in a sentence
      that tells of no fight both sides wage, is ``targeted`` (manual, ASSAULT targeted:
      killings of defenseless actors; ACLED: violence against civilians) unless a civilian
      recipient already says whom it fell on ("police shot three protesters" stays firearms):
      "two brothers were shot and killed", "militants killed a youth". So too an act of
      unidentified armed men (all its actors UAF) that names no victim at all ("armed men shot
      indiscriminately in a market"; ACLED codebook: a battle needs two armed sides, and
      unidentified attackers' violence against no armed target is violence against civilians;
      train part: 3 of 4 such notes). So too fire aimed at targets no word arms (``aimed``,
      both modes: :func:`.targets.fired_at_unarmed`, "opened fire at a Palestinian").
    """
    if d.mode not in OPEN_MODES and d.mode != "beat":
        return d
    crowd = _is_crowd(actors, actor_ids, sector_of)
    if mob and crowd and d.mode in (None, "primitive", "beat") and not c.entry.has("two-sided"):
        return replace(d, type="PROTEST", mode="riot", cameo=model.cameo_for("PROTEST", "riot", d.cameo))
    unknown = not people and bool(actor_ids) and all(
        sector_of.get(i) == "UAF" for i in actor_ids) and not any(
        (sector_of_word(lemma(t)) or sector_of_word(t.lower_)) in acled_reading.ARMED_SECTORS
        for t in c.tok.subtree if t.i not in {a.i for a in actors})  # "targeting a police station"
    if d.mode not in OPEN_MODES or two_sided or not (unknown or aimed or any(p[1] for p in people)):
        return d
    recipients = {sector_of.get(i) for i in recipient_ids}
    if any(p[0] == "CVL" for p in people) and not acled_reading.ARMED_SECTORS & {p[0] for p in people}:
        # the victims the act falls on are civilians ("two off-duty police officers were shot"):
        # the sector an armed recipient's words give them does not make them fighters
        recipients -= acled_reading.ARMED_SECTORS
    if acled_reading.ARMED_SECTORS & (recipients | {p[0] for p in people}) or (
            recipients & acled_reading.CIVILIAN_SECTORS):
        return d  # a civilian recipient already says so, and keeps the trigger's mode
    return replace(d, mode="targeted", cameo=model.cameo_for("ASSAULT", "targeted", d.cameo))


def _event_hit(doc, c, d: classify.Decision, mood: modality.Mood, actor_ids, recipient_ids,
               explain: bool = False) -> EventHit:
    desc, goldstein, quad = cameo_info(d.cameo)
    sent = c.tok.sent
    start = doc[c.span[0]].idx
    end = doc[c.span[1] - 1].idx + len(doc[c.span[1] - 1].text)
    dead = hurt = None
    if d.type == "ASSAULT":
        dead, hurt = casualties(sent)
    confidence = 0.55 + 0.15 * bool(actor_ids) + 0.1 * bool(recipient_ids) \
        + 0.05 * (c.entry.specificity > 0) - 0.1 * (mood.modality != "asserted")
    return EventHit(
        type=d.type, mode=d.mode, contexts=list(d.contexts), cameo=d.cameo,
        goldstein=goldstein, quad_class=quad, plover_score=plover_score(d.type, d.mode),
        trigger_start=start, trigger_end=end, trigger_token=c.tok.i,
        sentence_start=sent.start_char, sentence_end=sent.end_char,
        actor_ids=actor_ids, recipient_ids=recipient_ids, modality=mood.modality,
        negated=mood.negated, confidence=round(min(confidence, 0.95), 3),
        fatalities=dead, injured=hurt, why=d.why if explain else None, rules=d.rules)
