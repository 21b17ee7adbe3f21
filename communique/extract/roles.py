"""The role step: among the candidate mentions of an event's clause, which is the actor,
which the recipient, which neither.

The argument rules (``events.arguments``) propose an actor and a recipient from the
parse. This step looks at every actor mention of the trigger's sentence (a candidate:
its head token) and scores it with a small linear model over features of the candidate
and the trigger: the dependency path between them, the voice, the preposition that
introduces the candidate, the entity kind, the event type, and what the rules said.
The model is trained by ``scripts/train_roles.py`` from the train part of the PLV and
ConfliBERT NER files (``evaluate/splits.py``) and shipped as ``data/role_model.json``
(feature -> weights for neither/actor/recipient), read once; inference is a sum of
weights and a softmax in plain Python.

The model only overrides the rules where it is sure: a candidate replaces the rules'
choice for a role when its probability for that role is above the model's threshold,
above the probability of the rules' own pick, and the rules' pick is unlikely (below the
``keep`` threshold); where the rules found nobody, the model's best candidate above the
threshold fills the role.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from communique.word_lists import word_list

ROLES = ("none", "actor", "recipient")
DIE_VERBS = word_list("die_verbs")  # who dies in an attack is its victim, never its actor
HARM_VERBS = word_list("harm_verbs")  # "killed in an attack": the one killed is its victim
MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "role_model.json"
_PATH_STEPS = 4


@dataclass
class RoleModel:
    """Weights per feature (one per role in ``ROLES``) and per-role decision thresholds."""

    weights: dict[str, list[float]]
    thresholds: dict[str, float]
    meta: dict

    def probabilities(self, features: list[str]) -> list[float]:
        scores = [0.0, 0.0, 0.0]
        for f in features:
            w = self.weights.get(f)
            if w is not None:
                scores[0] += w[0]
                scores[1] += w[1]
                scores[2] += w[2]
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return [e / total for e in exps]

    def to_json(self) -> dict:
        return {"meta": self.meta, "thresholds": self.thresholds,
                "weights": {f: [round(x, 4) for x in w] for f, w in sorted(self.weights.items())}}

    @classmethod
    def from_json(cls, data: dict) -> "RoleModel":
        return cls(weights={f: list(w) for f, w in data["weights"].items()},
                   thresholds=dict(data.get("thresholds", {})), meta=dict(data.get("meta", {})))


def load_model(path: str | Path | None = None) -> RoleModel | None:
    """The shipped role model (read once), a model file, or None when the file is absent."""
    return _load(str(Path(path).resolve()) if path else str(MODEL_PATH))


@cache
def _load(path: str) -> RoleModel | None:
    p = Path(path)
    if not p.exists():
        return None
    try:
        return RoleModel.from_json(json.loads(p.read_text(encoding="utf-8")))
    except (ValueError, KeyError) as err:
        raise ValueError(f"{p}: not a role model ({err}); rebuild it with scripts/train_roles.py") from None


# ---------------------------------------------------------------- candidates and features

def candidates(trigger, token_actor) -> list:
    """Head tokens of the actor mentions in the trigger's sentence, one per actor id
    and mention, the trigger's own tokens excluded."""
    sent = trigger.sent
    out, seen = [], set()
    for tok in sent:
        aid = token_actor.get(tok.i)
        if aid is None or tok.i == trigger.i:
            continue
        head = tok.head
        if head.i != tok.i and head.i in token_actor and token_actor[head.i] == aid \
                and head.sent.start == sent.start:
            continue  # not the head of its mention
        key = (aid, tok.i)
        if key in seen:
            continue
        seen.add(key)
        out.append(tok)
    return out


def _ancestors(tok) -> list:
    chain = [tok]
    while chain[-1].head.i != chain[-1].i and len(chain) < 40:
        chain.append(chain[-1].head)
    return chain


def _label(tok) -> str:
    if tok.dep_ == "prep" or tok.dep_ == "agent":
        return f"{tok.dep_}:{tok.lower_}"
    return tok.dep_


def dependency_path(cand, trigger) -> tuple[str, str, int]:
    """(path up from the candidate, path up from the trigger, verbs between) to their
    lowest common ancestor; labels with the preposition word ("pobj prep:by agent")."""
    up_c, up_t = _ancestors(cand), _ancestors(trigger)
    index_t = {t.i: n for n, t in enumerate(up_t)}
    lca_n = next((n for n, t in enumerate(up_c) if t.i in index_t), None)
    if lca_n is None:
        return "far", "far", 9
    lca = up_c[lca_n]
    c_side = [_label(t) for t in up_c[:lca_n]]
    t_side = [_label(t) for t in up_t[:index_t[lca.i]]]
    verbs = sum(1 for t in up_c[1:lca_n] if t.pos_ in ("VERB", "AUX")) \
        + sum(1 for t in up_t[1:index_t[lca.i]] if t.pos_ in ("VERB", "AUX"))
    if lca.i != trigger.i and lca.pos_ in ("VERB", "AUX"):
        verbs += 1
    return " ".join(c_side[:_PATH_STEPS]) or "=", " ".join(t_side[:_PATH_STEPS]) or "=", verbs


def _passive(tok) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children) or (
        tok.dep_ == "acl" and tok.tag_ == "VBN")


def features(cand, trigger, event_type: str, rule_role: str, kind: str | None = None) -> list[str]:
    """The features of one candidate for one event (strings; the model's keys)."""
    c_path, t_path, verbs = dependency_path(cand, trigger)
    voice = "pass" if _passive(trigger) else "act"
    tpos = "V" if trigger.pos_ in ("VERB", "AUX", "ADJ") else "N"
    side = "before" if cand.i < trigger.i else "after"
    prep = cand.head.lower_ if cand.dep_ == "pobj" else "-"
    dist = abs(cand.i - trigger.i)
    dist = "1" if dist <= 1 else "3" if dist <= 3 else "6" if dist <= 6 else "12" if dist <= 12 else "far"
    ent = cand.ent_type_ or ("PRON" if cand.pos_ == "PRON" else cand.pos_)
    f = [
        "bias",
        f"rule={rule_role}",
        f"rule={rule_role}|type={event_type}",
        f"rule={rule_role}|voice={voice}",
        f"type={event_type}",
        f"dep={cand.dep_}",
        f"dep={cand.dep_}|voice={voice}|tpos={tpos}",
        f"dep={cand.dep_}|type={event_type}",
        f"prep={prep}",
        f"prep={prep}|type={event_type}",
        f"prep={prep}|voice={voice}",
        f"path={c_path}>{t_path}",
        f"path={c_path}>{t_path}|voice={voice}",
        f"cpath={c_path}",
        f"tpath={t_path}|tpos={tpos}",
        f"verbs={min(verbs, 3)}",
        f"verbs={min(verbs, 3)}|rule={rule_role}",
        f"side={side}|voice={voice}|tpos={tpos}",
        f"side={side}|type={event_type}",
        f"dist={dist}",
        f"ent={ent}",
        f"ent={ent}|dep={cand.dep_}",
    ]
    f += _word_features(cand, trigger, prep, c_path)
    if kind:
        f.append(f"kind={kind}")
        f.append(f"kind={kind}|dep={cand.dep_}")
    if cand.lower_ in ("it", "they", "he", "she", "we", "who", "which", "that"):
        f.append(f"pron={cand.lower_}")
    return f


def _word_features(cand, trigger, prep: str, c_path: str) -> list[str]:
    """The words that say who is whom: the trigger's lemma with the candidate's relation or
    preposition ("sanctions against X", "returned to X", "accused X"), the word the candidate
    (or its preposition) hangs from, and the lowest word above both when that is not the
    trigger ("said", "called for": the candidate speaks or asks, the trigger is what is told)."""
    tl = trigger.lemma_.lower()
    hang = cand.head.head if cand.dep_ == "pobj" else cand.head
    f = [f"tl={tl}|dep={cand.dep_}", f"tl={tl}|prep={prep}",
         f"hv={hang.lemma_.lower()}|{prep}|{cand.dep_}"]
    above = {t.i for t in _ancestors(trigger)}
    lca = next((t for t in _ancestors(cand) if t.i in above), None)
    if lca is None or lca.i == trigger.i:
        f.append("lca=trigger")
    else:
        f += [f"lca={lca.lemma_.lower()}|{c_path.split(' ')[0]}", f"lcapos={lca.pos_}|cdep={cand.dep_}"]
    return f


# ---------------------------------------------------------------- decision

def decide(model: RoleModel, trigger, cands: list, rule_actor: set[int], rule_recipient: set[int],
           event_type: str, kinds: dict[int, str] | None = None):
    """(actor token, recipient token) the model overrides the rules with, each None where
    the rules stand. ``rule_actor``/``rule_recipient``: token indices the rules chose."""
    if not cands:
        return None, None
    scored = []
    for c in cands:
        rule = "actor" if c.i in rule_actor else "recipient" if c.i in rule_recipient else "none"
        probs = model.probabilities(features(c, trigger, event_type, rule, (kinds or {}).get(c.i)))
        scored.append((c, rule, probs))
    out: list = []
    for k, role in ((1, "actor"), (2, "recipient")):
        # the recipient is never the event's actor, the rules' or the one just chosen
        pool = scored if k == 1 else [s for s in scored if s[1] != "actor" and s[0] is not out[0]]
        ruled = [s[2][k] for s in scored if s[1] == role]
        ruled_best = max(ruled) if ruled else 0.0
        best = max(pool, key=lambda s: s[2][k]) if pool else None
        if ruled and ruled_best >= keep_threshold(model, role):
            out.append(None)  # the model finds the rules' pick plausible: it stands
        elif best is not None and best[1] != role and best[2][k] >= model.thresholds.get(role, 0.5) \
                and best[2][k] > ruled_best:
            out.append(best[0])
        else:
            out.append(None)
    return out[0], out[1]


def keep_threshold(model: RoleModel, role: str) -> float:
    """The least probability at which the rules' pick for ``role`` stands: the model's
    ``keep_actor`` / ``keep_recipient``, else its ``keep`` (0: the model only fills empty
    roles)."""
    return model.thresholds.get(f"keep_{role}", model.thresholds.get("keep", 1.0))


def applies_to(event_type: str, mode: str | None) -> bool:
    """Whether the role step decides this event's roles: not for a meeting with no host,
    whose participants are all actors (PLOVER manual, CONSULT)."""
    return not (event_type == "CONSULT" and mode != "visit")


def assign(model: RoleModel, trigger, event_type: str, token_actor, actor_ids: list[str],
           recipient_ids: list[str]) -> tuple[list[str], list[str]]:
    """The event's actor and recipient ids after the model has had its say."""
    cands = candidates(trigger, token_actor)
    if not cands:
        return actor_ids, recipient_ids
    rule_actor = {c.i for c in cands if token_actor[c.i] in actor_ids}
    rule_recipient = {c.i for c in cands if token_actor[c.i] in recipient_ids}
    actor, recipient = decide(model, trigger, cands, rule_actor, rule_recipient, event_type)
    if actor is not None and _dies_in(actor, trigger):
        actor = None  # "two aid workers died in an air raid": the victims do not act

    def ids(tok):
        out = [token_actor[tok.i]]
        for c in tok.conjuncts:
            if c.i in token_actor and token_actor[c.i] not in out:
                out.append(token_actor[c.i])
        return out

    if actor is not None:
        actor_ids = ids(actor)
        recipient_ids = [i for i in recipient_ids if i not in actor_ids]
    if recipient is not None:
        recipient_ids = [i for i in ids(recipient) if i not in actor_ids]
    return actor_ids, recipient_ids


def _dies_in(tok, trigger) -> bool:
    """Is ``tok`` the subject of a verb of dying that the trigger noun hangs from by "in" /
    "during" ("two aid workers died in an air raid")? Who dies in an attack is its victim."""
    verb = tok.head
    return tok.dep_ == "nsubj" and verb.lemma_.lower() in DIE_VERBS and trigger.dep_ == "pobj" \
        and trigger.head.lower_ in ("in", "during") and trigger.head.head.i == verb.i


# ---------------------------------------------------------------- the role tagger

# What the role tagger may do with the sentence's main event (decided on the held-out parts,
# see docs/evaluation.md): "override" puts its source and target in place of the rules'
# where it tags one that names an actor; "actor" does so for the source and only fills an
# empty recipient; "fill" only fills roles left empty.
TAGGER_POLICY = "override"
# The tagger reads a sentence, not an event: it marks the source and target of the event the
# sentence reports, which its training data mark at or near the root of the parse. An event
# deeper down ("expressed happiness over X's scheduled visit") keeps the rules' roles.
TAGGER_MAX_DEPTH = 2
TAGGER_MIN = 0.7  # the least mean probability of a tagged span's word pieces (held-out parts)


def _depth(tok) -> int:
    depth = 0
    while tok.head.i != tok.i and depth < 50:
        tok, depth = tok.head, depth + 1
    return depth


def _main_key(e, doc):
    return (e.negated, e.modality not in ("asserted", "future"), _depth(doc[e.trigger_token]),
            -e.confidence, e.trigger_start)


def _agent_named(trigger, actor_ids, token_actor) -> bool:
    """"Three soldiers were killed by unidentified gunmen": a passive whose "by" phrase names
    the rules' actor says who did what to whom; the tagger, which reads the sentence and not
    the voice of the event, does not override it."""
    from .events.tree import is_passive

    if not actor_ids or trigger.pos_ != "VERB" or not (is_passive(trigger) or (
            trigger.dep_ == "acl" and trigger.tag_ == "VBN")):
        return False
    return any(g.dep_ == "pobj" and token_actor.get(g.i) in actor_ids
               for p in trigger.children if p.dep_ == "agent" or (p.dep_ == "prep" and p.lower_ == "by")
               for g in p.children)


# the words of a noun phrase below its head ("1 NDS member", "Taliban militants")
_HEAD_OF = ("compound", "amod", "nummod", "nmod", "flat", "det")


def suffers(doc, start: int, end: int, trigger) -> bool:
    """Whether the span names one the event befalls, who cannot be its source: the passive
    subject of the trigger verb or of a verb joined to it ("2 soldiers were kidnapped and later
    killed", "1 NDS member was shot and killed by militants"), or of a verb of harm the trigger
    noun hangs from by a preposition ("12 militants were killed during clashes with the army",
    "2 civilians were killed in an attack attributed to ADF fighters"; also the subject of a verb
    of dying: "two men died in an attack"). English grammar: a passive subject is the patient.
    The role tagger reads sentences, not voice: on the train part of the ACLED notes it made
    such a victim the source of 59 notes' main events (ACLED codes the victim as actor 2)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    head = span.root
    while head.dep_ in _HEAD_OF and head.head.i != head.i:
        head = head.head
    verb = head.head
    if head.dep_ == "nsubjpass" and verb.pos_ in ("VERB", "AUX") and (
            verb.i == trigger.i or trigger in verb.conjuncts):
        return True
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ == "pobj" and trigger.head.head.i == verb.i:
        from .events.tree import lemma
        return (head.dep_ == "nsubjpass" and lemma(verb) in HARM_VERBS) or (
            head.dep_ == "nsubj" and lemma(verb) in DIE_VERBS | {"die"})
    return False


def span_actor_ids(doc, start: int, end: int, token_actor) -> list[str]:
    """The actor ids a tagged character span names: the actor of its head word (or of a
    word it governs: "the Croatian government"), else every actor inside it, in order."""
    from .events.arguments import ids_for

    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return []
    ids = ids_for(span.root, token_actor)
    if not ids:
        ids = list(dict.fromkeys(token_actor[t.i] for t in span if t.i in token_actor))
    for c in span.root.conjuncts:  # "Iran and Turkey": each conjunct is its own actor
        if span.start <= c.i < span.end:
            ids += [i for i in ids_for(c, token_actor) if i not in ids]
    return ids


def tag_events(tagger, doc, events, token_actor, skip: set[int] = frozenset(),
               policy: str | None = None) -> None:
    """Set the actor and recipient of each sentence's main event from the role tagger's
    source and target spans (each sentence read alone). ``skip``: trigger tokens
    whose roles stand (both sides of "clashes between X and Y"); ``policy``: "override",
    "actor" or "fill", by default ``TAGGER_POLICY``."""
    policy = policy or TAGGER_POLICY
    mains: dict[int, object] = {}
    for e in events:
        if e.trigger_token in skip or not applies_to(e.type, e.mode) \
                or _agent_named(doc[e.trigger_token], e.actor_ids, token_actor):
            continue
        s = doc[e.trigger_token].sent.start
        if s not in mains or _main_key(e, doc) < _main_key(mains[s], doc):
            mains[s] = e
    mains = {s: e for s, e in mains.items() if _depth(doc[e.trigger_token]) <= TAGGER_MAX_DEPTH}
    if not mains:
        return
    sents = {s: doc[s].sent for s in mains}
    tagged = tagger.spans([sents[s].text for s in mains])
    for (s, e), spans in zip(mains.items(), tagged):
        base = sents[s].start_char
        found = {"S": [], "T": []}
        for sp in spans:
            if sp.probability < TAGGER_MIN:
                continue
            if sp.role == "S" and suffers(doc, base + sp.start, base + sp.end, doc[e.trigger_token]):
                continue  # the one the act befalls does not do it
            for i in span_actor_ids(doc, base + sp.start, base + sp.end, token_actor):
                if i not in found[sp.role]:
                    found[sp.role].append(i)
        actors = found["S"]
        recipients = [i for i in found["T"] if i not in actors]
        if actors and (policy != "fill" or not e.actor_ids):
            e.actor_ids = actors
            e.recipient_ids = [i for i in e.recipient_ids if i not in actors]
        if recipients and (policy == "override" or not e.recipient_ids):
            e.recipient_ids = [i for i in recipients if i not in e.actor_ids]
        if actors:  # "X and Y agreed", both tagged as the source: split as the rules do
            from .events.sides import tagged_joint_roles
            e.actor_ids, e.recipient_ids = tagged_joint_roles(e, doc, token_actor)
