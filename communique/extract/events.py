"""Event coding: lexicon triggers + the dependency parse -> PLOVER events.

``find_events(doc, actors, lexicon)`` finds trigger words and phrases from the
event lexicon (verbs, nouns, multiword expressions), checks each entry's
argument constraints against the parse, reads actor and recipient off the
parse (active and passive voice, "X's attack on Y", coordination, relative
clauses, control verbs), and sets modality and negation. Acts reported inside
a request, threat, accusation, refusal or promise are folded into that event,
not asserted on their own. The same event told twice in an article (a
headline repeating the body) comes out once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

from communique.extract.fatalities import casualties
from communique.lexicon import Entry, Lexicon, cameo_info, load_lexicon, plover_score

COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}
MATERIAL_CONFLICT = {"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}

# Verbs that carry an event noun: "launched an attack", "expressed opposition", "held talks".
LIGHT_VERBS = {
    "express", "voice", "declare", "issue", "launch", "hold", "stage", "carry", "conduct",
    "make", "file", "impose", "announce", "offer", "provide", "extend", "give", "lodge",
    "register", "reiterate", "renew", "continue", "begin", "start", "resume", "intensify",
    "mount", "deliver", "send", "grant", "approve", "sign", "reach", "pledge", "seek", "accept",
    "welcome", "order", "lead", "step", "escalate", "unleash", "wage", "initiate", "open",
    "organize", "organise", "call", "demand", "reject", "condemn", "denounce", "end", "halt",
    "suspend", "lift", "ease", "announce", "report", "promise", "vow", "threaten", "repeat",
    "have", "publish", "present", "submit", "post", "head", "chair", "set", "establish",
}
FUTURE_HEADS = {"plan", "intend", "expect", "schedule", "aim", "prepare", "set", "hope",
                "want", "seek", "try", "decide", "propose", "mean", "wish"}
FUTURE_MODS = {"scheduled", "planned", "upcoming", "proposed", "forthcoming", "expected",
               "next", "future", "possible", "potential", "prospective", "impending"}
HYPOTHETICAL_AUX = {"could", "would", "might", "may", "should", "must", "can", "ca"}
# Predicates of deliberation, opinion and belief: what they govern is not (yet) an event.
OPINION_HEADS = {"consider", "mull", "weigh", "contemplate", "hope", "believe", "think", "doubt",
                 "fear", "skeptical", "sceptical", "optimistic", "pessimistic", "pessimism",
                 "optimism", "hopeful", "wish", "imagine", "suppose", "speculate", "worry",
                 "concern", "uncertain", "unsure", "unlikely", "likely", "possible", "question"}
ALLEGATION_NOUNS = {"accusation", "allegation", "charge", "claim", "rumor", "rumour",
                    "suggestion", "assertion"}
HYPOTHETICAL_NOUNS = {"threat", "risk", "possibility", "fear", "danger", "prospect", "chance",
                      "spectre", "specter", "likelihood", "prevention", "plan", "idea"}
HISTORICAL_PREPS = {"since", "during"}
HISTORICAL_VERBS = {"end", "begin", "start", "erupt", "break"}
CLAIM_VERBS = {"claim", "allege", "purport"}
REFUSAL_HEADS = {"refuse", "decline", "fail", "reject"}
NOT_ACTORS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
# Objects that name the act itself ("imposed sanctions", "cut ties"), never its recipient.
ACT_OBJECTS = {
    "sanction", "sanctions", "embargo", "tariff", "tariffs", "duty", "duties", "aid", "assistance",
    "funding", "fund", "funds", "money", "loan", "loans", "grant", "ties", "tie", "relation",
    "relations", "talk", "talks", "negotiation", "negotiations", "curfew", "restriction",
    "restrictions", "ban", "blockade", "troops", "forces", "force", "soldier", "soldiers", "fire",
    "weapon", "weapons", "arm", "arms", "supply", "supplies", "food", "agreement", "deal", "treaty",
    "accord", "pact", "memorandum", "protest", "protests", "demonstration", "strike", "rally",
    "lawsuit", "suit", "complaint", "charges", "case", "information", "intelligence", "data",
    "evidence", "cooperation", "trade", "flights", "imports", "exports", "shipments", "deliveries",
    "membership", "participation", "presence", "emergency", "law", "state", "gas", "cannon",
    "shot", "shots", "missile", "missiles", "rocket", "rockets", "test", "tests", "asylum",
    "relief", "equipment", "medicine", "medicines", "vaccine", "vaccines", "million", "billion",
    "$", "dollars", "euros", "pounds", "permission", "access", "power", "electricity", "water",
    "internet", "disinformation", "misinformation", "propaganda", "value", "importance",
    "ceasefire", "truce", "compromise", "settlement", "understanding", "consensus", "measures",
    "rules", "step", "steps", "tanks", "warships", "jets", "border", "borders", "crossing",
    "crossings", "airspace", "exercise", "exercises", "drill", "drills",
}
NON_VIOLENT_CAUSES = {"fire", "blaze", "flood", "floods", "flooding", "storm", "hurricane", "typhoon",
                      "cyclone", "earthquake", "quake", "tsunami", "crash", "accident", "disease",
                      "virus", "covid", "covid-19", "coronavirus", "pandemic", "epidemic", "outbreak",
                      "heat", "heatwave", "landslide", "avalanche", "drought", "famine", "collapse",
                      "overdose", "cancer", "illness", "lightning", "wildfire", "wildfires", "cold"}
CAPTIVES = {"prisoner", "prisoners", "hostage", "hostages", "detainee", "detainees", "captive",
            "captives", "activist", "activists", "journalist", "journalists", "people", "person",
            "persons", "soldier", "soldiers", "sailor", "sailors", "fisherman", "fishermen",
            "worker", "workers", "national", "nationals", "citizen", "citizens", "civilian",
            "civilians", "leader", "leaders", "member", "members", "student", "students", "man",
            "men", "woman", "women", "child", "children", "official", "officials", "suspect",
            "suspects", "protester", "protesters", "dissident", "dissidents", "opponent",
            "opponents", "crew", "pilot", "pilots", "him", "her", "them", "minister", "ministers",
            "candidate", "blogger", "bloggers", "lawyer", "lawyers", "tourist", "tourists",
            "missionary", "missionaries", "refugee", "refugees", "migrant", "migrants"}
RELATIVE_PRONOUNS = {"who", "whom", "which", "that", "whose"}
CUSTODY = {"jail", "prison", "custody", "detention", "captivity", "house", "arrest", "hospital", "camp"}
METAPHOR_OBJECTS = {
    "corruption", "poverty", "disease", "crime", "virus", "pandemic", "inflation", "climate",
    "drug", "drugs", "covid", "covid-19", "coronavirus", "cancer", "hunger", "unemployment",
    "fire", "fires", "wildfire", "wildfires", "terrorism", "extremism", "illness", "hate",
    "misinformation", "disinformation", "odds", "charges", "charge", "case", "election",
    "battle", "way", "word", "words", "price", "prices",
}
METAPHOR_MODIFIERS = {"trade", "price", "currency", "tariff", "culture", "cultural", "word", "propaganda",
                      "media", "class", "drug", "bidding", "turf", "legal", "political", "tax",
                      "budget", "flame", "custody", "ratings", "console", "format", "rap"}
LABOUR_SUBJECTS = {"worker", "workers", "union", "unions", "teacher", "teachers", "employee",
                   "employees", "staff", "doctor", "doctors", "nurse", "nurses", "driver",
                   "drivers", "miner", "miners", "pilot", "pilots", "student", "students"}
POLICE_SUBJECTS = {"police", "officer", "officers", "agent", "agents", "force", "forces",
                   "troops", "soldier", "soldiers", "authority", "authorities", "army",
                   "military", "policeman", "policemen", "fbi", "investigator", "investigators"}
CONFLICT_CUES = {
    "troops", "soldier", "soldiers", "army", "military", "militant", "militants", "rebel",
    "rebels", "insurgent", "insurgents", "fighter", "fighters", "attack", "attacks", "killed",
    "kill", "killing", "clash", "clashes", "fighting", "war", "shelling", "bomb", "bombing",
    "airstrike", "airstrikes", "missile", "missiles", "gunmen", "wounded", "violence", "army",
    "forces", "escalation", "offensive", "combat", "ceasefire", "artillery", "battle",
    "tensions", "hostilities", "insurgency", "terrorist", "terrorists", "deadly",
}
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
class EventHit:
    """One event found in a Doc: what, who, to whom, how sure, and where in the text."""

    type: str
    mode: str | None
    contexts: list[str]
    cameo: str | None
    goldstein: float | None
    quad_class: int | None
    plover_score: float | None
    trigger_start: int
    trigger_end: int
    trigger_token: int
    sentence_start: int
    sentence_end: int
    actor_ids: list[str] = field(default_factory=list)
    recipient_ids: list[str] = field(default_factory=list)
    modality: str = "asserted"
    negated: bool = False
    confidence: float = 0.5
    fatalities: int | None = None
    injured: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class _Hit:
    """A trigger while it is being worked on."""

    tok: Any
    entry: Entry
    type: str
    mode: str | None
    contexts: list[str]
    cameo: str | None
    span: tuple[int, int]  # token indices, end exclusive
    absorbed: list["_Hit"] = field(default_factory=list)
    actor_toks: list[Any] = field(default_factory=list)
    recipient_toks: list[Any] = field(default_factory=list)
    between: bool = False


# ---------------------------------------------------------------- trigger matching

def _pos(tok) -> str | None:
    if tok.pos_ == "VERB":
        return "verb"
    if tok.pos_ in ("NOUN", "PROPN"):
        return "noun"
    if tok.pos_ == "ADJ":
        return "adj"
    return None


def _lemma(tok) -> str:
    return tok.lemma_.lower()


def _is_passive(verb) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _objects(tok) -> list:
    """The object of a verb (the passive subject when passive), or of an event noun."""
    if tok.pos_ == "VERB" or tok.pos_ == "ADJ":
        objs = [c for c in tok.children if c.dep_ in ("dobj", "obj", "attr", "oprd")]
        objs += [c for c in tok.children if c.dep_ == "nsubjpass"]
        if not objs and tok.dep_ in ("relcl", "acl") and tok.head.pos_ in ("NOUN", "PROPN"):
            rel = [c for c in tok.children if c.lower_ in RELATIVE_PRONOUNS and c.dep_ in ("dobj", "nsubjpass")]
            if rel or (tok.dep_ == "acl" and tok.tag_ == "VBN"):
                objs = [tok.head]
        return objs
    return [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children if g.dep_ == "pobj"]


QUANTIFIERS = {"some", "part", "all", "most", "many", "thousands", "hundreds", "dozens", "rest",
               "number", "bulk", "half", "majority", "tons", "tonnes", "worth", "batch", "shipment"}


def _word_set(tok) -> set[str]:
    """Lemmas that stand for a noun phrase head: the head, its compounds and amounts,
    and the "of" noun after a quantity ("some of its troops", "13 tons of medicine")."""
    out = {_lemma(tok), tok.lower_}
    for c in tok.children:
        if c.dep_ in ("compound", "amod", "nummod", "quantmod", "nmod"):
            out |= {_lemma(c), c.lower_}
            out |= {g.lower_ for g in c.children if g.dep_ in ("compound", "quantmod", "nummod")}
        elif c.dep_ == "prep" and c.lower_ == "of" and (_lemma(tok) in QUANTIFIERS or tok.like_num
                                                         or tok.pos_ == "NUM"):
            out |= {w for g in _pobjs(c) for w in (_lemma(g), g.lower_)}
    return out


def _prep_children(tok, names: Iterable[str] | None = None) -> list:
    names = set(names) if names is not None else None
    out = []
    for c in tok.children:
        if c.dep_ in ("prep", "agent", "dative", "prt") and (names is None or c.lower_ in names):
            out.append(c)
    return out


def _pobjs(prep) -> list:
    return [g for g in prep.children if g.dep_ in ("pobj", "pcomp")]


def _is_entityish(tok, token_actor) -> bool:
    if tok.i in token_actor:
        return True
    if tok.ent_type_ in ("PERSON", "GPE", "ORG", "NORP", "FAC", "LOC"):
        return True
    if tok.lower_ in ("him", "her", "them", "us", "he", "she", "they", "we"):
        return True
    return any(c.i in token_actor or c.ent_type_ in ("PERSON", "GPE", "ORG", "NORP")
               for c in tok.children if c.dep_ in ("compound", "amod", "poss"))


def _sentence_has_conflict(tok) -> bool:
    return any(t.lower_ in CONFLICT_CUES or t.lemma_.lower() in CONFLICT_CUES
               for t in tok.sent if t.i != tok.i)


def _governing_verb(tok):
    """The verb an event noun hangs from: as its object, or through a preposition."""
    h = tok.head
    if tok.dep_ in ("dobj", "obj", "nsubjpass", "attr", "oprd") and h.pos_ in ("VERB", "AUX"):
        return h
    if tok.dep_ == "pobj" and h.dep_ in ("prep", "agent") and h.head.pos_ in ("VERB", "AUX"):
        return h.head
    if tok.dep_ == "conj":
        return _governing_verb(h)
    return None


def _matches(entry: Entry, tok, token_actor) -> tuple[bool, list[int]]:
    """Whether the entry's constraints hold at this token; the tokens that belong to the trigger."""
    extra: list[int] = []
    if entry.has("plural") and tok.tag_ not in ("NNS", "NNPS"):
        return False, extra
    for key, value in entry.args:
        alts = set(value.split("|")) if value else set()
        if key == "obj":
            objs = _objects(tok)
            if not objs:
                if "*none" not in alts:
                    return False, extra
            elif not any(_word_set(o) & alts for o in objs):
                return False, extra
        elif key == "obj-any":
            if not _objects(tok) and not any(c.dep_ == "dative" for c in tok.children):
                return False, extra
        elif key == "obj-actor":
            objs = [o for o in _objects(tok) if o.dep_ != "attr"]
            if any(c.dep_ == "oprd" for c in tok.children) or not any(_is_entityish(o, token_actor) for o in objs):
                return False, extra
        elif key == "prt":
            # the particle follows the verb ("called on Iran"), not a later "on Saturday"
            hits = [c for c in tok.children if c.dep_ in ("prt", "prep") and c.lower_ in alts
                    and (c.i == tok.i + 1 or (c.dep_ == "prt" and c.i > tok.i)
                         or (c.i == tok.i + 2 and _adverb_between(tok, c)))]
            if not hits:
                return False, extra
            extra += [hits[0].i]
        elif key == "prep":
            name, _, objs = value.partition(">")
            # the small model often hangs "to Peru" on the object: "returned the skulls to Peru"
            preps = _prep_children(tok, name.split("|")) + [
                p for o in _objects(tok) if o.dep_ == "dobj" for p in _prep_children(o, name.split("|"))]
            if not preps:
                return False, extra
            if objs:
                want = set(objs.split("|"))
                ok = False
                for p in preps:
                    for g in _pobjs(p):
                        if "*actor" in want and _is_entityish(g, token_actor):
                            ok = True
                        if _word_set(g) & want:
                            ok = True
                            extra += [p.i, g.i]
                if not ok:
                    return False, extra
        elif key == "mod":
            mods = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod", "npadvmod")
                    and (_lemma(c) in alts or c.lower_ in alts)]
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
            if not _needs(value, tok, token_actor):
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
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.pos_ == "VERB" and _lemma(noun.head) in (
            "begin", "start", "resume", "open", "take", "end", "continue", "collapse", "break", "stall",
            "conclude", "fail", "succeed", "produce", "yield", "focus", "center", "centre"):
        return True
    verb = _governing_verb(noun)
    return verb is not None and _lemma(verb) in LIGHT_VERBS and _lemma(verb) != "have" \
        and noun.dep_ != "nsubjpass"


def _needs(value: str, tok, token_actor) -> bool:
    if value == "xcomp":
        return any(c.dep_ in ("xcomp", "ccomp") for c in tok.children)
    if value == "xcomp-or-obj":
        return any(c.dep_ in ("xcomp", "dobj", "ccomp") for c in tok.children)
    if value == "subj-actor":
        return any(_is_entityish(s, token_actor) or s.lower_ in POLICE_SUBJECTS
                   for s in _subjects(tok))
    if value == "subj-police":
        return any(_lemma(s) in POLICE_SUBJECTS or s.lower_ in POLICE_SUBJECTS for s in _subjects(tok))
    if value == "comment":
        # "declined to comment": a statement (CAMEO 011), not a refusal
        return any(c.dep_ in ("xcomp", "ccomp") and _lemma(c) in (
            "comment", "say", "confirm", "elaborate", "discuss", "speculate", "respond", "answer",
            "specify", "disclose", "identify", "name", "reveal", "provide", "give")
            for c in tok.children)
    if value == "not-opinion":
        # "agree with Scott that ...", "agree that ...": an opinion, not an agreement
        if any(c.dep_ == "xcomp" for c in tok.children) or _objects(tok):
            return True
        if any(c.dep_ == "prep" and c.lower_ in ("on", "upon", "to") for c in tok.children):
            return True
        return not any(c.dep_ in ("ccomp", "prep") for c in tok.children) and bool(
            [s for s in _subjects(tok) if s.conjuncts or s.tag_ in ("NNS", "NNPS")])
    if value == "violent-agent":
        # "a fire killed 100 people", "the virus killed thousands": a disaster, not an assault
        agents = _subjects(tok) + [g for p in _prep_children(tok, ("by", "in")) for g in _pobjs(p)]
        return not any(_lemma(a) in NON_VIOLENT_CAUSES or a.lower_ in NON_VIOLENT_CAUSES for a in agents)
    if value == "captive":
        # "released 200 prisoners", "freed Smith" - not "released a statement / the clip"
        objs = _objects(tok) if tok.pos_ == "VERB" else [g for p in _prep_children(tok, ("of",)) for g in _pobjs(p)]
        return any(_is_entityish(o, token_actor) or _lemma(o) in CAPTIVES or o.lower_ in CAPTIVES
                   or any(c.dep_ == "nummod" or c.like_num for c in o.children) for o in objs)
    if value == "ask":
        # "asked India for help", "asked them to leave" - not "asking her, 'where do we go?'"
        return any(c.dep_ == "xcomp" for c in tok.children) or bool(_prep_children(tok, ("for",))) \
            or any(_lemma(o) not in ("question", "questions") and o.pos_ == "NOUN" and not _is_entityish(o, token_actor)
                   for o in _objects(tok))
    if value == "guilty":
        return any(_lemma(c) in ("guilty", "liable", "responsible") for c in tok.children
                   if c.dep_ in ("oprd", "acomp", "xcomp", "ccomp", "advmod"))
    if value == "meet":
        # "met Erdogan", "met in Geneva" - but not "meet these targets"
        objs = [o for o in _objects(tok) if o.dep_ == "dobj"]
        return not objs or any(_is_entityish(o, token_actor) or o.pos_ == "PROPN" or _lemma(o) in (
            "counterpart", "minister", "president", "leader", "delegation", "official", "officials",
            "envoy", "ambassador", "representative", "representatives", "king", "pope", "chancellor")
            for o in objs)
    if value == "labour":
        return any(_lemma(s) in LABOUR_SUBJECTS for s in _subjects(tok))
    if value == "not-labour":
        return not any(_lemma(s) in LABOUR_SUBJECTS for s in _subjects(tok))
    if value == "not-metaphor":
        if tok.dep_ == "compound":
            return False
        # "trade war", "price war", "war of words"
        if any(c.dep_ in ("compound", "amod", "nmod") and (_lemma(c) in METAPHOR_MODIFIERS)
               for c in tok.children):
            return False
        for p in _prep_children(tok, ("on", "against", "over", "for", "with")):
            for g in _pobjs(p):
                if _lemma(g) in METAPHOR_OBJECTS or g.lower_ in METAPHOR_OBJECTS:
                    return False
        return not any(_lemma(o) in METAPHOR_OBJECTS for o in _objects(tok))
    if value == "light-verb":
        verb = _governing_verb(tok)
        return verb is not None and _lemma(verb) in LIGHT_VERBS and _lemma(verb) != "have"
    if value == "no-oprd":
        return not any(c.dep_ == "oprd" for c in tok.children) and not any(
            _lemma(o) in ("meeting", "session", "election", "elections", "vote", "strike", "referendum")
            for o in _objects(tok))
    if value == "no-obj":
        return not _objects(tok)
    if value == "obj-or-of":
        return bool(_objects(tok)) or bool(_prep_children(tok, ("of", "against")))
    return True


def _find_triggers(doc, lexicon: Lexicon, token_actor) -> list[_Hit]:
    hits = []
    suppressed: set[int] = set()
    for tok in doc:
        pos = _pos(tok)
        if pos is None:
            continue
        # A noun used as a modifier ("war crimes", "protest leader") is not the event.
        if tok.dep_ in ("compound", "poss") or (pos == "noun" and tok.dep_ == "amod"):
            continue
        if pos == "verb" and any(c.dep_ == "dobj" and c.lower_ in (
                "itself", "himself", "herself", "themselves", "ourselves", "myself", "yourself")
                for c in tok.children) and _lemma(tok) not in ("defend", "arm", "declare"):
            # "shooting itself in the foot": an idiom, not an act on anyone
            continue
        if pos == "verb" and tok.dep_ == "amod":
            continue
        cands = lexicon.candidates(_lemma(tok), pos)
        if not cands and pos == "verb":
            # the small model's lemmatizer slips ("raped" -> "rap"): try the plain forms
            low = tok.lower_
            forms = {"VBD": (low[:-1], low[:-2]), "VBN": (low[:-1], low[:-2]), "VBZ": (low[:-1],),
                     "VBG": (low[:-3], low[:-3] + "e")}.get(tok.tag_, ())
            for form in forms:
                if form and (cands := lexicon.candidates(form, pos)):
                    break
        if not cands:
            continue
        ordered = sorted(cands, key=lambda e: (e.source != "user", -e.specificity, e.type != "NONE"))
        for entry in ordered:
            ok, extra = _matches(entry, tok, token_actor)
            if not ok:
                continue
            if entry.type == "NONE":
                # "rejected accusations by X": a denial (a statement); its object is no event either
                suppressed.update(o.i for o in _objects(tok))
                break
            span_toks = [tok.i] + [i for i in extra if abs(i - tok.i) <= 2]
            if tok.i in suppressed:
                break
            hits.append(_Hit(tok=tok, entry=entry, type=entry.type, mode=entry.mode,
                             contexts=list(entry.contexts), cameo=entry.cameo,
                             span=(min(span_toks), max(span_toks) + 1)))
            break
    return hits


# ---------------------------------------------------------------- arguments

def _subjects(verb) -> list:
    """The grammatical subject of a verb, found through control, coordination and relatives."""
    seen = 0
    v = verb
    while v is not None and seen < 6:
        seen += 1
        subs = [c for c in v.children if c.dep_ in ("nsubj", "csubj")]
        if subs:
            s = subs[0]
            if s.lower_ in RELATIVE_PRONOUNS and v.dep_ == "relcl":
                return [v.head]
            return [s]
        if v.dep_ == "relcl" and v.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return []
        if v.dep_ == "pcomp" and v.head.dep_ == "prep" and v.head.head.pos_ == "ADJ":
            # "X is responsible for attacking Y", "X were guilty of violating": the adjective's subject
            v = v.head.head
            continue
        if v.dep_ == "acomp" and v.head is not v and v.head.pos_ in ("AUX", "VERB"):
            # "the United States is willing to provide ...": the subject of the copula
            v = v.head
            continue
        if v.dep_ in ("xcomp", "conj", "advcl", "ccomp", "acl") and v.head is not v:
            head = v.head
            if v.dep_ == "ccomp":
                # "stressed the Islamic Republic will continue": the small model often
                # takes the embedded subject as the object of the reporting verb.
                objs = [c for c in head.children if c.dep_ == "dobj" and c.i < v.i and c.i > head.i
                        and c.lower_ not in RELATIVE_PRONOUNS]
                if objs and not any(c.dep_ == "mark" for c in v.children):
                    return [objs[-1]]
                return []
            if v.dep_ == "xcomp":
                # "urged X to withdraw": X, the object of an object-control verb, is the subject.
                objs = [c for c in head.children if c.dep_ == "dobj"]
                if objs and _lemma(head) in ("urge", "ask", "call", "order", "force", "invite",
                                            "encourage", "allow", "press", "persuade", "tell"):
                    return [objs[0]]
            if v.dep_ == "acl":
                # "a report accusing X", "a letter threatening to ...": the author of the text
                if v.tag_ == "VBG" and head.pos_ in ("NOUN", "PROPN"):
                    verb = _governing_verb(head)
                    if verb is not None and verb is not v:
                        return _subjects(verb)
                return []
            if head.pos_ not in ("VERB", "AUX", "ADJ"):
                return []
            v = head
            continue
        break
    return []


def _expand(tok) -> list:
    """A noun phrase head and its coordinated heads ("Israel and Lebanon")."""
    out = [tok]
    for c in tok.conjuncts:
        if c not in out:
            out.append(c)
    return out


# Heads whose "of" phrase names whom they belong to: "the government of X", "a group of X".
OF_MEMBER_NOUNS = {
    "government", "minister", "ministry", "president", "leader", "leadership", "people",
    "forces", "army", "military", "police", "authorities", "authority", "state",
    "republic", "kingdom", "parliament", "officials", "official", "troops", "group", "delegation",
    "team", "coalition", "member", "members", "head", "chief", "chairman", "spokesman",
    "spokeswoman", "spokesperson", "representative", "representatives", "envoy", "ambassador",
    "commander", "commanders", "unit", "units", "contingent", "wing", "branch", "leaders",
}
# Institutions that belong to the country they are "in": "police in Japan", "a court in Argentina".
LOCAL_INSTITUTIONS = {"police", "authorities", "authority", "court", "judge", "prosecutor",
                      "prosecutors", "officials", "official", "government", "parliament"}


def _ids_for(tok, token_actor, depth: int = 0) -> list[str]:
    if tok.i in token_actor:
        return [token_actor[tok.i]]
    if depth > 2:
        return []
    out: list[str] = []
    for c in sorted(tok.children, key=lambda c: (c.dep_ != "poss", c.i)):
        if c.dep_ in ("compound", "poss", "amod", "nmod", "appos", "flat"):
            out += _ids_for(c, token_actor, depth + 1)
            if out:  # "Japanese and Chinese forces"
                for cc in c.conjuncts:
                    out += [i for i in _ids_for(cc, token_actor, depth + 1) if i not in out]
        elif c.dep_ == "prep" and ((c.lower_ == "of" and _lemma(tok) in OF_MEMBER_NOUNS) or (
                c.lower_ == "in" and _lemma(tok) in LOCAL_INSTITUTIONS)):
            # "the government of X", "a group of British lawmakers", "police in Japan"
            for g in _pobjs(c):
                if c.lower_ == "in" and g.ent_type_ != "GPE":
                    continue
                for gg in [g] + list(g.conjuncts):
                    out += [i for i in _ids_for(gg, token_actor, depth + 1) if i not in out]
        if out:
            break
    return out


def _ids(toks: list, token_actor) -> list[str]:
    out: list[str] = []
    for t in toks:
        for head in _expand(t):
            for i in _ids_for(head, token_actor) or _sayer_ids(head, token_actor):
                if i not in out:
                    out.append(i)
    return out


REPORTED_PRONOUNS = {"it", "they", "he", "she"}  # not "we": a quoted speaker speaks for a group


def _sayer_ids(tok, token_actor) -> list[str]:
    """"Bangladesh says it will not accept ...", "the rebels said they would release ...":
    an unresolved pronoun subject of a reported clause is the one who reports it."""
    if tok.lower_ not in REPORTED_PRONOUNS or tok.dep_ not in ("nsubj", "nsubjpass"):
        return []
    clause = tok.head
    if clause.dep_ != "ccomp" or _lemma(clause.head) not in REPORTING_VERBS | {"announce", "warn", "threaten"}:
        return []
    sayers = [c for c in clause.head.children if c.dep_ == "nsubj" and c.i < tok.i]
    if not sayers or sayers[0].lower_ in REPORTED_PRONOUNS:
        return []
    if (tok.lower_ == "they") != (sayers[0].tag_ in ("NNS", "NNPS") or bool(sayers[0].conjuncts)) \
            and tok.lower_ in ("it", "they") and sayers[0].pos_ != "PROPN":
        return []  # "it" for a plural sayer, "they" for a singular one
    return [i for h in _expand(sayers[0]) for i in _ids_for(h, token_actor)]


def _parties(noun, token_actor) -> list:
    """Who a dispute or conflict noun belongs to: "between X and Y", "X's", "X have disputes"."""
    for p in _prep_children(noun, ("between", "among")):
        for g in _pobjs(p):
            return [g]
    poss = [c for c in noun.children if c.dep_ == "poss"]
    if poss:
        return poss
    if noun.dep_ == "dobj" and _lemma(noun.head) == "have":
        return _subjects(noun.head)
    return []


def _arguments(hit: _Hit, token_actor) -> None:
    tok = hit.tok
    actors: list = []
    recipients: list = []
    preps = RECIPIENT_PREPS.get(hit.type, ())
    if hit.type == "CONSULT" and hit.mode == "visit":
        preps = ("to", "in", "with")  # the visited place stands for its host
    if tok.pos_ in ("VERB", "ADJ"):
        if _is_passive(tok):
            recipients += [c for c in tok.children if c.dep_ == "nsubjpass"]
            for a in _prep_children(tok, ("by",)):
                actors += _pobjs(a)
            if tok.dep_ in ("relcl", "acl") and not recipients and tok.head.pos_ in ("NOUN", "PROPN"):
                recipients.append(tok.head)
        elif tok.dep_ == "acl" and tok.tag_ == "VBN":
            recipients.append(tok.head)
            for a in _prep_children(tok, ("by",)):
                actors += _pobjs(a)
        else:
            actors += _subjects(tok)
            objs = [o for o in _objects(tok) if o.dep_ in ("dobj", "obj")]
            pattern = hit.entry.arg("obj")
            if pattern:
                # "imposed sanctions on X": the object named in the pattern is part of the
                # trigger; its own "on X" names the recipient
                named = [o for o in objs if _word_set(o) & set(pattern.split("|"))
                         and (_lemma(o) in ACT_OBJECTS or o.lower_ in ACT_OBJECTS)]
                objs = [o for o in objs if o not in named]
                for o in named:
                    for oo in [o] + list(o.conjuncts):
                        for p in _prep_children(oo, ("on", "against", "with", "to", "for", "from", "in")):
                            recipients += _pobjs(p)
            if not objs and tok.dep_ in ("relcl",) or not objs:
                # "disputes, which X will work to settle": the object is the antecedent's party.
                rel = _relative_object(tok)
                if rel is not None:
                    parties = _parties(rel, token_actor) or [rel]
                    objs = parties
            recipients += objs
            recipients += [g for c in tok.children if c.dep_ == "dative" for g in ([c] if c.pos_ != "ADP" else _pobjs(c))]
        if hit.type in ("AID", "RETREAT") or hit.mode == "withdraw":
            # "returned the artifacts to Iraq", "gave aid to X": who gets it, not what is given;
            # "withdrew peacekeepers from the Golan": where from
            names = ("to", "for") if hit.mode != "withdraw" else ("from",)
            dest = [g for p in _prep_children(tok, names) for g in _pobjs(p)]
            dest += [g for o in _objects(tok) if o.dep_ == "dobj" for p in _prep_children(o, names)
                     for g in _pobjs(p)]
            if dest:
                recipients = dest[:1]
            elif hit.mode == "withdraw":
                recipients = [r for r in recipients if _is_entityish(r, token_actor)]
        if not recipients:
            for p in _prep_children(tok, preps):
                recipients += _pobjs(p)
                if recipients:
                    break
    else:  # an event noun
        poss = [c for c in tok.children if c.dep_ == "poss"]
        if poss and poss[0].tag_ == "PRP$" and _governing_verb(tok) is not None:
            # "the army intensified its bombardment": "its" is the subject of the verb
            poss = _subjects(_governing_verb(tok)) or poss
        # "by X", "from X" - but not "the release from jail"
        agents = [g for p in _prep_children(tok, ("by", "from")) for g in _pobjs(p)
                  if p.lower_ == "by" or ((_party_like(g) or _is_entityish(g, token_actor))
                                          and _lemma(g) not in CUSTODY)]
        own = token_actor.get(tok.i)
        mods = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod")
                and (c.i in token_actor or c.ent_type_ in ("GPE", "NORP", "ORG", "PERSON"))
                and (own is None or token_actor.get(c.i) != own)]
        between = [g for p in _prep_children(tok, ("between", "among")) for g in _pobjs(p)]
        if poss:
            actors += poss
        elif agents:
            actors += agents
        elif mods:
            actors += mods
        if between:
            actors += between
            hit.between = True
        verb = _governing_verb(tok)
        if verb is not None and _undergoes(tok, verb):
            # "Iran faces criticism from the UN", "the convoy came under attack":
            # the subject of the verb is at the receiving end
            recipients += _subjects(verb)
            verb = None
        if verb is not None and not actors and tok.dep_ != "nsubj":
            if _is_passive(verb):
                for a in _prep_children(verb, ("by",)):
                    actors += _pobjs(a)
            else:
                actors += _subjects(verb)
        if verb is not None and tok.dep_ in ("dobj",) and not actors:
            actors += _subjects(verb)
        for p in _prep_children(tok, preps):
            recipients += _pobjs(p)
            if recipients:
                break
        if not recipients and verb is not None and hit.type in ("CONSULT",):
            for p in _prep_children(verb, ("with",)):
                recipients += _pobjs(p)
    if hit.entry is _DEMAND_ENTRY or hit.entry is _BLAME_ENTRY:
        # "Russia says Israel must end attacks": the sayer demands, the one who must act is asked
        actors = _subjects(tok.head)
        recipients = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    if hit.entry.has("swap"):
        actors, recipients = recipients, actors
    def keep(t):
        return t.ent_type_ not in NOT_ACTORS and t.pos_ not in ("VERB", "AUX", "ADV")

    def through_amount(t):
        # "Hundreds of rebels", "thousands of workers": the people, not the number
        if (t.ent_type_ in NOT_ACTORS or _lemma(t) in QUANTIFIERS) and t.pos_ in ("NOUN", "NUM"):
            inner = [g for p in _prep_children(t, ("of",)) for g in _pobjs(p)]
            if inner:
                return inner[0]
        return t
    actors = [through_amount(a) for a in actors]
    recipients = [through_amount(r) for r in recipients]
    hit.actor_toks = [a for a in actors if (a.lower_ not in RELATIVE_PRONOUNS or a.dep_ == "relcl") and keep(a)]
    hit.recipient_toks = [r for r in recipients if r.lower_ not in RELATIVE_PRONOUNS and keep(r)]


# ---------------------------------------------------------------- recipients the first pass missed

# Prepositions by which a noun phrase names whom it concerns or who owns it: "aid to X",
# "sanctions on X", "a request from X", "a camp in Mali", "the websites of Georgia".
OWNER_PREPS = ("to", "on", "against", "of", "for", "from", "by", "in", "into", "with", "at", "upon")
# Types whose nominal trigger takes its victim or beneficiary as the "of" object:
# "the arrest of X", "the release of X", "the invasion of X", "criticism of X".
OBJECTIVE_OF_TYPES = {"ASSAULT", "COERCE", "SANCTION", "RETREAT", "ACCUSE", "CONCEDE"}
# Types whose framing verb's complement names the recipient: "agreed to provide Sri Lanka
# with ...", "pledged to work with China", "refused to meet with the envoy".
FRAMED_TYPES = {"AGREE", "CONCEDE", "REJECT", "THREATEN", "REQUEST", "SUPPORT", "COOPERATE", "AID"}


# Common nouns that name people, bodies or places that can be at the receiving end of an act.
PARTY_NOUNS = CAPTIVES | POLICE_SUBJECTS | LABOUR_SUBJECTS | {
    "government", "governments", "administration", "regime", "authorities", "ministry", "country",
    "countries", "nation", "nations", "state", "states", "group", "groups", "militant", "militants",
    "rebel", "rebels", "insurgent", "insurgents", "fighter", "fighters", "army", "armies", "military",
    "embassy", "consulate", "council", "parliament", "court", "party", "parties", "organization",
    "organisation", "agency", "agencies", "company", "companies", "bank", "banks", "delegation",
    "counterpart", "counterparts", "ally", "allies", "neighbour", "neighbours", "neighbor",
    "neighbors", "victim", "victims", "family", "families", "community", "communities", "village",
    "villages", "town", "towns", "city", "cities", "region", "province", "republic", "kingdom",
    "president", "premier", "king", "queen", "prince", "envoy", "ambassador", "ambassadors",
    "diplomat", "diplomats", "spokesman", "inspector", "inspectors", "employee", "employees",
    "follower", "followers", "supporter", "supporters", "militia", "militias", "opposition",
    "ngo", "ngos", "agency", "media", "newspaper", "refugee", "refugees", "population", "populations",
    "residents", "villagers", "farmers", "ranchers", "settlers", "team", "head", "chief",
}
CREATION_VERBS = {"set", "establish", "create", "build", "form", "open", "launch", "found",
                  "construct", "start", "organize", "organise", "hold", "appoint", "name", "elect"}


def _has_ids(tok, token_actor) -> bool:
    return bool(_ids_for(tok, token_actor))


def _party_like(tok) -> bool:
    """Whether a noun phrase head can stand for a recipient (a person, body, people or
    place), as opposed to a thing or an act ("aid", "the ban", "an agreement")."""
    if tok.ent_type_ in NOT_ACTORS or tok.lower_ in RELATIVE_PRONOUNS:
        return False
    if tok.pos_ not in ("NOUN", "PROPN", "PRON"):
        return False
    if _lemma(tok) in ACT_OBJECTS or tok.lower_ in ACT_OBJECTS:
        return False
    if tok.pos_ == "PRON":
        return tok.lower_ in ("him", "her", "them", "us")
    if tok.ent_type_ in ("PERSON", "GPE", "ORG", "NORP", "FAC", "LOC") or tok.pos_ == "PROPN":
        return True
    if _lemma(tok) in PARTY_NOUNS or tok.lower_ in PARTY_NOUNS:
        return True
    return any(c.dep_ in ("compound", "amod", "poss", "nmod") and c.pos_ != "PRON"
               and (c.ent_type_ in ("PERSON", "GPE", "ORG", "NORP") or c.pos_ == "PROPN")
               for c in tok.children)


def _owner(tok, token_actor, preps=OWNER_PREPS, depth: int = 0, avoid: frozenset = frozenset()) -> list:
    """The actor a noun phrase stands for or belongs to: itself when it names a party,
    else an actor named in its prepositional phrases ("aid to X", "its blockade of X",
    "a camp in Mali", "a request from X", "threats made by X", "restrictions imposed on X")."""
    if _party_like(tok) and set(_ids_for(tok, token_actor)) - avoid:
        return [tok]
    if depth > 2 or tok.pos_ not in ("NOUN", "PROPN", "NUM"):
        return []
    for p in _prep_children(tok, preps):
        if p.dep_ == "prt":
            continue
        for g in _pobjs(p):
            found = _owner(g, token_actor, preps, depth + 1, avoid)
            if found:
                return found
    for c in tok.children:
        # "threats made by X", "restrictions imposed on X", "the ban that they imposed on X"
        if (c.dep_ == "acl" and c.tag_ == "VBN") or c.dep_ == "relcl":
            for a in _prep_children(c, ("by", "on", "against", "to")):
                found = [g for g in _pobjs(a) if _party_like(g) and set(_ids_for(g, token_actor)) - avoid]
                if found:
                    return found
    return []


def _owners(toks, token_actor, avoid: set[str], preps=OWNER_PREPS) -> list:
    """The owner of the first of these phrases that has one (not one of the actors)."""
    for t in toks:
        found = _owner(t, token_actor, preps, avoid=frozenset(avoid))
        if found:
            return found
    return []


# Restrictions imposed on a place: those who live there bear them ("a curfew in Jamaica").
AREA_MODES = {"curfew", "martial-law", "restrict", "withhold", "censor"}


def _area_recipient(hit: _Hit, token_actor, avoid: set[str]) -> list:
    tok = hit.tok
    anchors = [tok]
    if tok.pos_ in ("NOUN", "PROPN") and _governing_verb(tok) is not None:
        anchors.append(_governing_verb(tok))
    cands = [g for a in anchors for p in _prep_children(a, ("in", "across", "throughout"))
             for g in _pobjs(p) if g.ent_type_ == "GPE"]
    return _owners(cands, token_actor, avoid)


def _more_recipients(hit: _Hit, token_actor) -> list:
    found = _more_recipients_1(hit, token_actor)
    if not found and hit.type == "COERCE" and hit.mode in AREA_MODES:
        found = _area_recipient(hit, token_actor, set(_ids(hit.actor_toks, token_actor)))
    return found


def _more_recipients_1(hit: _Hit, token_actor) -> list:
    """Where the first pass found no recipient actor: look through the phrases around the
    trigger for the one the act is directed at (the owner of its object, the destination of
    what is sent, the light verb's dative, the object of a framed complement)."""
    tok = hit.tok
    avoid = set(_ids(hit.actor_toks, token_actor))
    preps = RECIPIENT_PREPS.get(hit.type, ())
    # 1. what the first pass took for the recipient, read through to its owner
    found = _owners(hit.recipient_toks, token_actor, avoid)
    if found:
        return found
    if tok.pos_ in ("VERB", "ADJ"):
        objs = [c for c in tok.children if c.dep_ in ("dobj", "dative", "nsubjpass")]
        # 2. the object's phrases: "suspended aid to X", "lifted its blockade of X",
        #    "rejected a request from X", "attacked an army camp in Mali"
        found = _owners(objs, token_actor, avoid)
        if found:
            return found
        # 3. the verb's own phrases: "sent experts to X", "flew medicine into X"
        names = set(preps) | {"to", "into"} if hit.type in ("AID", "MOBILIZE") else set(preps)
        if any(_lemma(o) in ACT_OBJECTS or o.lower_ in ACT_OBJECTS for o in objs):
            # "suspended military aid to X", "cut ties with X": the act object's addressee
            names |= {"to", "on", "against", "with", "into"}
        found = _owners([g for p in _prep_children(tok, names) if p.dep_ != "prt"
                         for g in _pobjs(p)], token_actor, avoid)
        if found:
            return found
        # 4. an attack on a target that names no one ("attacked an army camp in Mali"):
        #    the country the target lies in
        if hit.type in ("ASSAULT", "COERCE") and any(o.dep_ == "dobj" and not _party_like(o) for o in objs):
            found = _owners([g for p in _prep_children(tok, ("in",)) for g in _pobjs(p)
                             if g.ent_type_ == "GPE"], token_actor, avoid)
            if found:
                return found
        # 5. the act the trigger frames: "agreed to provide Sri Lanka with technology"
        if hit.type in FRAMED_TYPES or hit.entry.arg("frame"):
            for c in tok.children:
                purpose = c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                if (c.dep_ in ("xcomp", "ccomp") or purpose) and c.pos_ == "VERB" and c.i > tok.i:
                    found = _framed_recipient(c, token_actor, avoid)
                    if found:
                        return found
        return []
    # an event noun
    cands = []
    if hit.type in OBJECTIVE_OF_TYPES:
        # "the release of two Kuwaiti nationals", "the arrest and detention of X"
        for n in [tok] + list(tok.conjuncts) + ([tok.head] if tok.dep_ == "conj" else []):
            cands += [g for p in _prep_children(n, ("of",)) for g in _pobjs(p)]
    names = set(preps)
    if any(_lemma(g) in ACT_OBJECTS or g.lower_ in ACT_OBJECTS
           for p in _prep_children(tok, ("of",)) for g in _pobjs(p)):
        names |= {"to", "with", "for"}  # "a suspension of aid to X", "a cut of ties with X"
    cands += [g for p in _prep_children(tok, names) for g in _pobjs(p)]
    found = _owners(cands, token_actor, avoid)
    if found:
        return found
    verb = _governing_verb(tok)
    if verb is not None and _lemma(verb) in LIGHT_VERBS and tok.dep_ in ("dobj", "obj"):
        # "issued an ultimatum to X", "gave X a deadline", "carried out strikes against X"
        cands = [c for c in verb.children if c.dep_ == "dative" and c.pos_ != "ADP"]
        cands += [g for c in verb.children if c.dep_ == "dative" and c.pos_ == "ADP" for g in _pobjs(c)]
        cands += [g for p in _prep_children(verb, preps) if p.dep_ != "prt" for g in _pobjs(p)]
        found = _owners(cands, token_actor, avoid)
        if found:
            return found
    return []


def _framed_recipient(verb, token_actor, avoid: set[str]) -> list:
    """The recipient of a complement act: its indirect object, an actor as its object, or
    an actor after "to"/"with"/"for" ("to work with China", "to send resources to Colombia")."""
    for _ in range(3):
        cands = [c for c in verb.children if c.dep_ == "dative" and c.pos_ != "ADP"]
        cands += [g for c in verb.children if c.dep_ == "dative" and c.pos_ == "ADP" for g in _pobjs(c)]
        if _lemma(verb) not in CREATION_VERBS:
            cands += [c for c in verb.children if c.dep_ == "dobj" and c.ent_type_ != "FAC"]
        cands += [g for p in _prep_children(verb, ("to", "with", "for", "into")) if p.dep_ != "prt"
                  for g in _pobjs(p)]
        cands += [g for o in verb.children if o.dep_ == "dobj"
                  for p in _prep_children(o, ("to", "with", "for", "into")) for g in _pobjs(p)]
        found = _owners(cands, token_actor, avoid)
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
UNDERGO_VERBS = {"face", "receive", "suffer", "endure", "draw", "attract", "undergo", "sustain", "incur"}


def _undergoes(noun, verb) -> bool:
    if noun.dep_ in ("dobj", "obj") and _lemma(verb) in UNDERGO_VERBS:
        return True
    return noun.dep_ == "pobj" and noun.head.lower_ == "under" and _lemma(verb) == "come"


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


# ---------------------------------------------------------------- modality, negation

def _chain(tok):
    """The token and the verbs that govern it through complements, up to the clause root."""
    out = [tok]
    v = tok
    verb = _governing_verb(tok) if tok.pos_ in ("NOUN", "PROPN") else None
    if verb is not None:
        out.append(verb)
        v = verb
    for _ in range(5):
        # complements share the governing verb's tense and negation; an adverbial
        # clause ("when he came to talk") or a conjunct with its own subject does not
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children)
        purpose = v.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)
        if (v.dep_ in ("xcomp", "acomp") or purpose or (v.dep_ == "conj" and not own_subject)) \
                and v.head is not v and v.head.pos_ in ("VERB", "AUX", "ADJ"):
            v = v.head
            out.append(v)
        else:
            break
    return out


def _negated(tok) -> tuple[bool, bool]:
    """(negated, refusal): "did not attack" / "will not lift", "refused to meet", "failed to agree"."""
    chain = _chain(tok)
    neg = any(c.dep_ == "neg" for t in chain for c in t.children)
    if tok.pos_ in ("NOUN", "PROPN") and any(c.lower_ in ("no", "without") for c in tok.children):
        neg = True
    refusal = any(_lemma(t) in REFUSAL_HEADS for t in chain[1:])
    return neg or refusal, refusal or (neg and _future(tok))


def _future(tok) -> bool:
    chain = _chain(tok)
    for t in chain:
        for c in t.children:
            if c.dep_ in ("aux",) and c.lower_ in ("will", "shall", "'ll", "wo"):
                return True
            if c.dep_ == "aux" and _reported_would(t, c):
                return True
            if c.dep_ in ("aux",) and c.lower_ == "to" and t.head.lower_ == "going":
                return True
        if t is not tok and _lemma(t) in FUTURE_HEADS:
            return True
    if tok.pos_ in ("NOUN", "PROPN"):
        if any(c.lower_ in FUTURE_MODS for c in tok.children if c.dep_ in ("amod", "compound")):
            return True
    return False


REPORTING_VERBS = {"say", "announce", "tell", "state", "declare", "add", "confirm", "insist",
                   "promise", "vow", "pledge", "indicate", "report", "write", "stress", "note"}


def _reported_would(t, aux) -> bool:
    """"said it would free prisoners": future seen from the past, not a hypothesis."""
    if aux.lower_ not in ("would", "'d"):
        return False
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in t.children):
        return False
    return t.dep_ == "ccomp" and _lemma(t.head) in REPORTING_VERBS


def _hypothetical(tok) -> bool:
    chain = _chain(tok)
    for t in chain:
        for c in t.children:
            if c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUX and not _reported_would(t, c):
                return True
            if c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether"):
                return True
    for anc in list(tok.ancestors)[:5]:
        if _lemma(anc) in OPINION_HEADS and anc.pos_ in ("VERB", "ADJ", "NOUN"):
            return True
    top = chain[-1]
    for anc in [top] + list(top.ancestors)[:3]:
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in anc.children):
            return True
        # the main clause of a conditional: "If Russia invades, the West will impose sanctions"
        if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
               for c in anc.children):
            return True
        if anc.dep_ == "advcl" and any(c.lower_ in ("if", "unless") for c in anc.children):
            return True
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "pobj" and tok.head.lower_ == "of" \
            and _lemma(tok.head.head) in HYPOTHETICAL_NOUNS:
        return True
    return False


def _year_of(tok) -> int | None:
    """A four-digit year attached to the trigger: "the 1999 shooting", "attacked in 2014"."""
    cands = [c for c in tok.children if c.dep_ in ("nummod", "compound", "amod", "npadvmod")]
    cands += [g for p in _prep_children(tok, ("in", "during")) for g in p.subtree]
    for c in cands:
        if c.shape_ == "dddd" and 1900 <= int(c.text) <= 2100:
            return int(c.text)
    return None


def _latest_year(doc) -> int | None:
    years = [int(t.text) for t in doc if t.shape_ == "dddd" and t.ent_type_ == "DATE"
             and 1900 <= int(t.text) <= 2100]
    return max(years) if years else None


def _historical(tok, latest: int | None = None) -> bool:
    year = _year_of(tok)
    if year is not None and latest is not None and year < latest:
        return True
    if tok.pos_ in ("NOUN", "PROPN"):
        if tok.dep_ == "pobj" and tok.head.lower_ in HISTORICAL_PREPS:
            return True
        for c in tok.subtree:
            if c.dep_ == "relcl" and _lemma(c) in HISTORICAL_VERBS and c.tag_ == "VBD":
                return True
    return False


# ---------------------------------------------------------------- frames and conversions

_FRAME_MODES = {
    "request": {"RETREAT/resign": ("change", "1041"), "CONSULT": ("meet", "026"), "AGREE": ("meet", "027"), "AID": ("assist", "023"),
                "COOPERATE": ("assist", "021"), "SUPPORT": ("assist", "022"),
                "RETREAT": ("yield", "025"), "CONCEDE": ("yield", "025")},
    "reject": {"CONSULT": ("meet", "125"), "AGREE": ("meet", "127"), "AID": ("assist", "122"),
               "COOPERATE": ("assist", "121"), "SUPPORT": ("assist", "121"),
               "RETREAT": ("yield", "124"), "CONCEDE": ("yield", "124")},
    "threaten": {"ASSAULT": ("violence", "138"), "MOBILIZE": ("violence", "138"),
                 "COERCE/arrest": ("arrest", "132"), "COERCE/seize": ("territory", "1382"),
                 "COERCE/deport": ("expel", "136"), "SANCTION/expel": ("expel", "136"),
                 "COERCE/curfew": ("restrict", "1323"), "COERCE/martial-law": ("restrict", "1324"),
                 "COERCE": ("restrict", "1312"), "SANCTION": ("relations", "1313"),
                 "PROTEST": ("restrict", "133")},
}
# Promised concessions keep the type CONCEDE (manual) and take CAMEO's "express intent to yield".
_INTENT_YIELD = {"0841": "0353", "0842": "0353", "0872": "0356", "0874": "0356", "0873": "0356",
                 "0871": "0356", "086": "0355", "0831": "0341", "085": "0354", "081": "0351"}
_INTENT_CAMEO = {"CONSULT": "036", "SUPPORT": "032", "COOPERATE": "031", "AID": "033",
                 "AGREE": "030", "CONCEDE": "035", "RETREAT": "035"}


def _complement_tokens(hit: _Hit) -> set[int]:
    """Tokens of the act a framing trigger reports (its clausal complement)."""
    tok = hit.tok
    out: set[int] = set()
    for c in tok.children:
        if c.dep_ in ("xcomp", "ccomp", "advcl") and c.i > tok.i:
            out |= {t.i for t in c.subtree}
        elif c.dep_ in ("prep",) and c.lower_ in ("of", "for", "to", "over", "on", "against") and c.i > tok.i:
            for g in c.children:
                if g.dep_ in ("pcomp",) or (g.dep_ == "pobj" and hit.entry.arg("frame") in ("accuse", "request", "reject", "threaten")):
                    out |= {t.i for t in g.subtree}
        elif c.dep_ == "dobj" and hit.entry.arg("frame") in ("request", "reject") and c.pos_ in ("NOUN",):
            out |= {t.i for t in c.subtree}
    return out


def _claimed(tok) -> bool:
    """Inside what someone claims ("claimed that they had attacked", "claimed responsibility
    for the attack"): a statement (CAMEO 01), not an asserted act."""
    for anc in tok.ancestors:
        if anc.pos_ == "VERB" and _lemma(anc) in CLAIM_VERBS:
            return True
        if anc.pos_ == "NOUN" and _lemma(anc) in ALLEGATION_NOUNS and tok.head is not anc:
            return True
        if anc.dep_ in ("ROOT",):
            break
    return False


_DEMAND_ENTRY = Entry(lemma="must", pos="verb", type="REQUEST", mode=None, contexts=(),
                      cameo="100", args=(("frame", "request"),), source="communique")


_BLAME_ENTRY = Entry(lemma="responsible", pos="adj", type="ACCUSE", mode="allege", contexts=(),
                     cameo="112", args=(("frame", "accuse"),), source="communique")


def _reported_demands(doc, hits: list[_Hit], token_actor) -> list[_Hit]:
    """"Russia says Israel must end attacks": a demand (CAMEO 10) on whoever must act."""
    out = []
    have = {h.tok.i for h in hits}
    for tok in doc:
        if tok.dep_ != "ccomp" or _lemma(tok.head) not in REPORTING_VERBS | {"insist", "demand"}:
            continue
        blame = any(c.dep_ == "acomp" and _lemma(c) in ("responsible", "culpable", "guilty", "behind")
                    for c in tok.children) or any(c.dep_ == "prep" and c.lower_ == "behind" for c in tok.children)
        if not blame and not any(c.dep_ == "aux" and c.lower_ in ("must", "should") for c in tok.children):
            continue
        if blame and (any(c.dep_ == "neg" for c in tok.children) or _lemma(tok) not in ("be",)):
            continue
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in tok.children):
            continue
        subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subj or subj[0].lower_ in ("we", "i", "it", "there", "this", "that"):
            continue
        if blame:
            # "the government said Taliban militants were responsible": an accusation
            word = next((c for c in tok.children if c.dep_ in ("acomp", "prep")
                         and _lemma(c) in ("responsible", "culpable", "guilty", "behind")), tok)
            out.append(_Hit(tok=tok, entry=_BLAME_ENTRY, type="ACCUSE", mode="allege", contexts=[],
                            cameo="112", span=(word.i, word.i + 1)))
            continue
        demand = _Hit(tok=tok, entry=_DEMAND_ENTRY, type="REQUEST", mode=None, contexts=[],
                      cameo="100", span=(tok.i, tok.i + 1))
        if tok.i in have:
            # "North Korea must first disarm": the demanded act is the trigger itself
            inner = next(h for h in hits if h.tok.i == tok.i)
            hits.remove(inner)
            mode, cameo = _FRAME_MODES["request"].get(f"{inner.type}/{inner.mode}") or \
                _FRAME_MODES["request"].get(inner.type, (None, "100"))
            demand.mode, demand.cameo = mode, "100" if (cameo or "").startswith("0") else cameo
            demand.absorbed = [inner]
            demand.span = inner.span
        out.append(demand)
    return out


def _main_child(inner: list[_Hit]) -> _Hit:
    """The act a frame reports: the nearest one that is not itself a frame
    ("agreed to undertake a joint exercise": the exercise)."""
    plain = [x for x in inner if not x.entry.arg("frame")]
    return min(plain or inner, key=lambda x: x.tok.i)


def _apply_frames(hits: list[_Hit]) -> list[_Hit]:
    by_tok = {h.tok.i: h for h in hits}
    absorbed: set[int] = {h.tok.i for h in hits if _claimed(h.tok)}
    # "lifted the embargo", "imposed sanctions": the noun named in the verb's pattern is its object, not an act.
    for h in hits:
        objs = h.entry.arg("obj")
        if objs and h.tok.pos_ == "VERB":
            for o in _objects(h.tok):
                if o.i in by_tok and o.i != h.tok.i and _word_set(o) & set(objs.split("|")):
                    absorbed.add(o.i)
    for h in sorted(hits, key=lambda h: h.tok.i):
        frame = h.entry.arg("frame")
        if not frame or h.tok.i in absorbed:
            continue
        inner = [by_tok[i] for i in sorted(_complement_tokens(h)) if i in by_tok and i != h.tok.i]
        if not inner:
            continue
        for x in inner:
            absorbed.add(x.tok.i)
        child = _main_child(inner)
        h.absorbed = inner
        if frame == "intent":
            if child.type in ("SUPPORT", "COOPERATE", "AID", "CONSULT", "AGREE"):
                h.type, h.mode, h.cameo = "AGREE", None, _INTENT_CAMEO.get(child.type, "030")
                h.contexts = list(dict.fromkeys(h.contexts + child.contexts))
            elif child.type in ("RETREAT", "CONCEDE"):
                h.type, h.mode, h.cameo = "CONCEDE", None, _INTENT_YIELD.get(child.cameo or "", "035")
                h.contexts = list(dict.fromkeys(h.contexts + child.contexts))
            elif child.type == "MOBILIZE" and _lemma(h.tok) not in ("vow", "threaten"):
                # "offered to send troops to help the army": military cooperation, intended
                h.type, h.mode, h.cameo = "AGREE", None, "0312"
                h.contexts = ["military"]
            elif child.type in MATERIAL_CONFLICT:
                table = _FRAME_MODES["threaten"]
                mode, cameo = table.get(f"{child.type}/{child.mode}") or table.get(child.type, (None, "130"))
                h.type, h.mode, h.cameo = "THREATEN", mode, cameo
            else:
                h.type, h.mode, h.cameo = child.type, child.mode, child.cameo
        elif frame in _FRAME_MODES:
            table = _FRAME_MODES[frame]
            mode, cameo = table.get(f"{child.type}/{child.mode}") or table.get(child.type, (h.mode, h.cameo))
            if frame == "request" and child.type in ("ASSAULT", "MOBILIZE", "COERCE", "SANCTION"):
                mode = "change"
            h.mode, h.cameo = mode, cameo
            if h.type == "REQUEST" and (h.cameo or "").startswith("10") is False and cameo:
                h.cameo = cameo
        elif frame == "accuse":
            h.contexts = list(dict.fromkeys(h.contexts + [c for c in child.contexts if c]))
            if child.type == "ASSAULT" and "military" not in h.contexts:
                h.contexts.append("military")
    return [h for h in hits if h.tok.i not in absorbed]


_REQUEST_OBJECTS = {
    "assist": {"help", "aid", "assistance", "support", "loan", "loans", "funding", "weapons", "arms",
               "cooperation", "investment", "supplies", "relief", "protection", "asylum"},
    "yield": {"release", "ceasefire", "truce", "withdrawal", "lifting", "end", "halt", "amnesty",
              "return", "access", "de-escalation", "restraint"},
    "meet": {"talks", "meeting", "negotiations", "dialogue", "visit", "summit", "mediation",
             "consultations", "settlement"},
    "change": {"resignation", "reform", "reforms", "change", "changes", "election", "elections",
               "investigation", "inquiry", "probe", "referendum", "removal", "dismissal", "law"},
}
_MOBILIZE_WORDS = {
    "police": {"police", "policemen", "officers", "riot", "gendarmes", "gendarmerie"},
    "militia": {"militia", "militias", "fighters", "volunteers", "militiamen", "paramilitaries"},
    "weapons": {"missile", "missiles", "tanks", "tank", "warships", "warship", "jets", "weapons",
                "artillery", "bombers", "submarine", "submarines", "aircraft", "rockets", "rocket"},
}
RELIEF_WORDS = {"peacekeeping", "peacekeepers", "peacekeeper", "relief", "humanitarian", "disaster",
                "rescue", "earthquake", "flood", "floods", "hurricane", "typhoon", "evacuation"}
_MULTILATERAL = {"sidelines", "summit", "conference", "forum", "assembly", "g7", "g20", "nato",
                 "un", "asean", "council"}


def _refine_mode(h: _Hit, token_actor) -> None:
    """Modes the trigger word alone doesn't tell: what is requested, who is mobilized, where one meets."""
    tok = h.tok
    near = {t.lower_ for t in tok.subtree} | {t.lower_ for t in tok.children}
    if h.type in ("REQUEST", "REJECT") and not h.mode:
        words = {_lemma(t) for t in tok.subtree} | {t.lower_ for t in tok.subtree}
        for mode, ws in _REQUEST_OBJECTS.items():
            if words & ws:
                h.mode = mode
                break
    elif h.type == "MOBILIZE" and _lemma(tok) in ("exercise", "drill", "game") and \
            len(_ids(h.actor_toks, token_actor)) >= 2:
        # "US and Western allies launch war games": joint exercises are cooperation (manual, MOBILIZE)
        h.type, h.mode, h.cameo = "COOPERATE", None, "062"
    elif h.type == "MOBILIZE" and {t.lower_ for t in tok.sent} & RELIEF_WORDS:
        # manual, MOBILIZE ambiguities: forces sent for peacekeeping or relief are AID
        peace = bool({t.lower_ for t in tok.sent} & {"peacekeeping", "peacekeepers", "peacekeeper"})
        h.type, h.mode, h.cameo = "AID", None, "074" if peace else "073"
        h.contexts = ["peacekeeping"] if peace else ["human_security"]
    elif h.type == "MOBILIZE" and h.mode == "troops":
        words = near | {t.lower_ for s in _subjects(tok) for t in s.subtree}
        for mode in ("police", "militia", "weapons"):
            if words & _MOBILIZE_WORDS[mode]:
                h.mode = mode
                break
    elif h.type == "CONSULT" and not h.mode:
        sent_words = {t.lower_ for t in tok.sent}
        if sent_words & _MULTILATERAL:
            h.mode = "multilateral"
            return
        who = set(_ids(h.actor_toks, token_actor)) | set(_ids(h.recipient_toks, token_actor))
        for p in _prep_children(tok, ("in",)):
            for g in _pobjs(p):
                if g.ent_type_ == "GPE" and len(who) >= 2 and token_actor.get(g.i) not in who \
                        and not any(g.text in w for w in who):
                    h.mode = "third-party"


def _convert(h: _Hit, modality: str, refusal: bool) -> None:
    """PLOVER's rules for future and refused acts (manual: AGREE, CONCEDE, RETREAT ambiguities)."""
    if refusal and h.type in COOPERATIVE:
        mode, cameo = _FRAME_MODES["reject"].get(h.type, ("change", "120"))
        h.type, h.mode, h.cameo = "REJECT", mode, cameo
        return
    if modality != "future":
        return
    if h.type in ("SUPPORT", "COOPERATE", "AID"):
        h.type, h.mode, h.cameo = "AGREE", None, _INTENT_CAMEO[h.type]
    elif h.type == "CONSULT" and not (h.tok.pos_ in ("NOUN", "PROPN") and any(
            c.lower_ in FUTURE_MODS for c in h.tok.children if c.dep_ in ("amod", "compound"))):
        # "will meet", "will hold talks": a stated intention to meet (manual, CONSULT
        # ambiguities); an already "scheduled visit" stays a CONSULT with future modality
        h.type, h.mode, h.cameo = "AGREE", None, "036"
    elif h.type == "RETREAT":
        h.type, h.mode, h.cameo = "CONCEDE", None, _INTENT_YIELD.get(h.cameo or "", "035")
    elif h.type == "PROTEST" and h.mode in ("boycott", "strike", "obstruct"):
        # "will boycott the elections": a threat to restrict (manual, THREATEN modes)
        h.type, h.mode, h.cameo = "THREATEN", "restrict", "133"
    elif h.type in MATERIAL_CONFLICT - {"PROTEST"}:
        table = _FRAME_MODES["threaten"]
        mode, cameo = table.get(f"{h.type}/{h.mode}") or table.get(h.type, (None, "130"))
        h.type, h.mode, h.cameo = "THREATEN", mode, cameo


# ---------------------------------------------------------------- dedup

def _headline_end(doc) -> int:
    """Character end of a headline: a first line without a full stop, followed by more text."""
    text = doc.text
    nl = text.find("\n")
    if nl <= 0 or nl > 300 or not text[nl:].strip():
        return -1
    first = text[:nl].rstrip()
    if first.endswith((".", "!", "?", '"', "”")):
        return -1
    return nl


def _merge_into(keep: EventHit, drop: EventHit) -> None:
    # fill in who acted and on whom only where the kept telling left it open
    if not keep.actor_ids:
        keep.actor_ids = [i for i in drop.actor_ids if i not in keep.recipient_ids]
    if not keep.recipient_ids:
        keep.recipient_ids = [i for i in drop.recipient_ids if i not in keep.actor_ids]
    if drop.fatalities is not None:
        keep.fatalities = max(keep.fatalities or 0, drop.fatalities)
    if drop.injured is not None:
        keep.injured = max(keep.injured or 0, drop.injured)
    keep.confidence = max(keep.confidence, drop.confidence)


def _compatible(a: list[str], b: list[str]) -> bool:
    return not a or not b or bool(set(a) & set(b))


def _dedupe(events: list[EventHit], doc) -> list[EventHit]:
    """One event per happening: merge repeats within a sentence and retellings nearby."""
    head_end = _headline_end(doc)
    body = [e for e in events if e.trigger_start >= head_end]
    head = [e for e in events if e.trigger_start < head_end]
    out: list[EventHit] = []
    sent_index = {s.start_char: n for n, s in enumerate(doc.sents)}
    for e in body:
        merged = False
        for k in reversed(out):
            near = abs(sent_index.get(k.sentence_start, 0) - sent_index.get(e.sentence_start, 0))
            if k.type != e.type or k.negated != e.negated:
                continue
            if not _compatible(k.actor_ids, e.actor_ids):
                continue
            if k.sentence_start == e.sentence_start:
                merged = True
            elif (doc[k.trigger_token].lemma_.lower() == doc[e.trigger_token].lemma_.lower()
                  and k.mode == e.mode and _compatible(k.recipient_ids, e.recipient_ids)
                  and (near <= 3 or (k.actor_ids and e.actor_ids))):
                # The same act retold: "expressed opposition" ... "We declare our opposition".
                merged = True
            if merged:
                _merge_into(k, e)
                break
        if not merged:
            out.append(e)
    # A headline tells what the body tells: keep only what the body does not have.
    for e in head:
        if any(b.quad_class == e.quad_class for b in out):
            continue
        out.append(e)
    return sorted(out, key=lambda e: e.trigger_start)


# ---------------------------------------------------------------- main

def find_events(doc, actors=None, lexicon: Lexicon | None = None) -> list[EventHit]:
    """The PLOVER events of a parsed document.

    Args:
        doc: a spaCy Doc parsed with a dependency parser.
        actors: anything with ``.token_actor`` (token index -> actor id); None for no actors.
        lexicon: from :func:`communique.lexicon.load_lexicon`; the built-in one by default.
    """
    lexicon = lexicon or load_lexicon()
    token_actor: dict[int, str] = dict(getattr(actors, "token_actor", None) or {})
    country_of = {getattr(a, "id", None): getattr(a, "country", None)
                  for a in (getattr(actors, "actors", None) or [])}
    latest_year = _latest_year(doc)
    found = _find_triggers(doc, lexicon, token_actor)
    demands = _reported_demands(doc, found, token_actor)  # may take over found triggers
    hits = _apply_frames(sorted(found + demands, key=lambda h: h.tok.i))
    events = []
    for h in hits:
        _arguments(h, token_actor)
        if h.absorbed and not h.recipient_toks:
            # "threatened to attack South Korea": the recipient of the reported act.
            child = _main_child(h.absorbed)
            _arguments(child, token_actor)
            inner_toks = {x.tok.i for x in h.absorbed}
            h.recipient_toks = [r for r in child.recipient_toks if r.i not in inner_toks]
        if not set(_ids(h.recipient_toks, token_actor)) - set(_ids(h.actor_toks, token_actor)) and not h.between \
                and h.entry not in (_DEMAND_ENTRY, _BLAME_ENTRY) and not h.entry.has("swap"):
            h.recipient_toks = _more_recipients(h, token_actor) or h.recipient_toks
        if any(t.lower_ in ("you", "one") for t in h.actor_toks + h.recipient_toks) and not any(
                t.lower_ not in ("you", "one") for t in h.actor_toks):
            # generic "you" ("you walk down the street and you get shot"): no one in particular
            continue
        if (h.tok.pos_ == "VERB" and h.tok.dep_ in ("ROOT", "ccomp") and not h.actor_toks
                and not _is_passive(h.tok) and h.entry not in (_DEMAND_ENTRY, _BLAME_ENTRY)):
            # an imperative or a fragment ("Promise mama you'll ..."): nobody acts
            continue
        _refine_mode(h, token_actor)
        # a demand made in reported speech is as real as the saying of it
        anchor = h.tok.head if h.entry in (_DEMAND_ENTRY, _BLAME_ENTRY) else h.tok
        negated, refusal = _negated(anchor)
        if _hypothetical(anchor):
            modality = "hypothetical"
        elif _future(anchor):
            modality = "future"
        elif _historical(anchor, latest_year):
            modality = "historical"
        else:
            modality = "asserted"
        _convert(h, modality, refusal)
        if refusal:
            negated = False
        actor_ids = _ids(h.actor_toks, token_actor)
        recipient_ids = [i for i in _ids(h.recipient_toks, token_actor) if i not in actor_ids]
        if h.between:
            # "clashes between X and Y": both sides act, no recipient.
            recipient_ids = []
        if h.type == "CONSULT" and h.mode in (None, "third-party") and country_of:
            # manual, CONSULT: "met X in X's capital" - X hosts, the other side visits
            sides = _host_and_guests(h.tok, token_actor, country_of, actor_ids + recipient_ids)
            if sides:
                actor_ids, recipient_ids = sides
                h.mode, h.cameo = "visit", "042"
        if h.type == "CONSULT" and h.mode != "visit":
            # manual: where no one hosts or visits, all participants are the actor
            actor_ids, recipient_ids = actor_ids + recipient_ids, []
        if h.type in ("ASSAULT",) and not actor_ids and not recipient_ids:
            actor_ids = _nearby_sides(doc, h.tok, token_actor)
        desc, goldstein, quad = cameo_info(h.cameo)
        sent = h.tok.sent
        start = doc[h.span[0]].idx
        end = doc[h.span[1] - 1].idx + len(doc[h.span[1] - 1].text)
        dead = hurt = None
        if h.type == "ASSAULT":
            dead, hurt = casualties(sent)
        confidence = 0.55 + 0.15 * bool(actor_ids) + 0.1 * bool(recipient_ids) \
            + 0.05 * (h.entry.specificity > 0) - 0.1 * (modality != "asserted")
        events.append(EventHit(
            type=h.type, mode=h.mode, contexts=list(h.contexts), cameo=h.cameo,
            goldstein=goldstein, quad_class=quad, plover_score=plover_score(h.type, h.mode),
            trigger_start=start, trigger_end=end, trigger_token=h.tok.i,
            sentence_start=sent.start_char, sentence_end=sent.end_char,
            actor_ids=actor_ids, recipient_ids=recipient_ids, modality=modality,
            negated=negated, confidence=round(min(confidence, 0.95), 3),
            fatalities=dead, injured=hurt))
    return _dedupe(events, doc)


def _host_and_guests(tok, token_actor, country_of, ids) -> tuple[list[str], list[str]] | None:
    """Where a meeting takes place "in"/"at" a place of one participant's country and another
    participant is from elsewhere: (the visitors, the host)."""
    from communique.extract.places import lookup

    anchors = [tok]
    if tok.pos_ in ("NOUN", "PROPN") and _governing_verb(tok) is not None:
        anchors.append(_governing_verb(tok))
    # the parser often hangs the place on the other side: "met X at the palace in Beijing"
    anchors += [c for a in list(anchors) for c in a.children if c.dep_ == "dobj"]
    anchors += [g for a in list(anchors) for p in _prep_children(a, ("with",)) for g in _pobjs(p)]
    for a in anchors:
        for p in _prep_children(a, ("in", "at")):
            # "at the State Guesthouse in Beijing": the place, or the city it is in
            places = [x for g in _pobjs(p) for x in [g] + [gg for pp in _prep_children(g, ("in",))
                                                            for gg in _pobjs(pp)]]
            for g in places:
                place_id = token_actor.get(g.i)
                country = country_of.get(place_id) if place_id else None
                if country is None and g.ent_type_ == "GPE":
                    ent = next((e for e in g.doc.ents if e.start <= g.i < e.end), None)
                    found = lookup(ent.text if ent is not None else g.text)
                    country = found[0].country if found else None
                if not country:
                    continue
                parts = [i for i in dict.fromkeys(ids) if i != place_id]
                hosts = [i for i in parts if country_of.get(i) == country]
                guests = [i for i in parts if country_of.get(i) and country_of.get(i) != country]
                if len(hosts) == 1 and guests:
                    return guests, hosts
    return None


def _nearby_sides(doc, tok, token_actor) -> list[str]:
    """"Deaths on both sides": the two sides named by the latest "between X and Y" nearby."""
    sent = tok.sent
    unnamed_sides = any(t.lower_ in ("both", "sides") for t in sent) or any(
        t.dep_ == "prep" and t.lower_ == "between" and len(_ids(_pobjs(t), token_actor)) < 2 for t in sent)
    if not unnamed_sides:
        return []
    sents = list(doc.sents)
    k = next((n for n, s in enumerate(sents) if s.start == sent.start), 0)
    for s in reversed(sents[max(0, k - 3):k + 1]):
        for t in s:
            if t.dep_ == "prep" and t.lower_ == "between":
                ids = _ids(_pobjs(t), token_actor)
                if len(ids) >= 2:
                    return ids
    return []
