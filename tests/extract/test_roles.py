"""The role step: features, a tiny model rebuilt here, and how it fills empty roles."""

from __future__ import annotations

import json

from communique.extract import roles
from communique.extract.events import find_events


class _Actors:
    def __init__(self, doc, words):
        self.token_actor = {t.i: f"A{n}" for n, w in enumerate(words, 1) for t in doc if t.text == w}


def _model(feature: str, weights: list[float]) -> roles.RoleModel:
    return roles.RoleModel({"bias": [0.0, -2.0, -2.0], feature: weights},
                           {"actor": 0.5, "recipient": 0.5, "keep": 0.0}, {})


def test_features_name_the_path_voice_and_preposition(nlp):
    doc = nlp("The villagers were attacked by gunmen.")
    f = roles.features(doc[5], doc[3], "ASSAULT", "actor")
    assert "prep=by" in f and "dep=pobj|voice=pass|tpos=V" in f
    assert "path=pobj agent:by>=" in f


def test_a_tiny_model_round_trips_and_fills_an_empty_role(nlp, tmp_path):
    path = tmp_path / "model.json"
    # one feature: the direct object of an active verb is the recipient
    path.write_text(json.dumps(_model("dep=dobj|voice=act|tpos=V", [0.0, 0.0, 6.0]).to_json()),
                    encoding="utf-8")
    model = roles.load_model(path)
    doc = nlp("Rebels attacked Kadugli.")
    ta = _Actors(doc, ["Rebels", "Kadugli"]).token_actor
    assert roles.assign(model, doc[1], "ASSAULT", ta, ["A1"], []) == (["A1"], ["A2"])
    unsure = _model("dep=dobj|voice=act|tpos=V", [0.0, 0.0, -6.0])
    assert roles.assign(unsure, doc[1], "ASSAULT", ta, ["A1"], []) == (["A1"], [])


def test_the_rules_pick_stands(nlp):
    # a model that wants the subject as recipient fills an empty recipient, never replaces one
    model = _model("dep=nsubj|voice=act|tpos=V", [0.0, 0.0, 6.0])
    doc = nlp("Rebels attacked Kadugli.")
    ta = _Actors(doc, ["Rebels", "Kadugli"]).token_actor
    assert roles.assign(model, doc[1], "ASSAULT", ta, [], ["A2"]) == ([], ["A2"])
    assert roles.assign(model, doc[1], "ASSAULT", ta, ["A2"], []) == (["A2"], ["A1"])


def test_find_events_runs_with_the_rules_alone_or_the_shipped_model(nlp):
    doc = nlp("Rebels attacked Kadugli.")
    actors = _Actors(doc, ["Rebels", "Kadugli"])
    for model in (False, None):
        events = find_events(doc, actors, role_model=model)
        assert [(e.actor_ids, e.recipient_ids) for e in events] == [(["A1"], ["A2"])]


def test_the_shipped_model_is_small_and_says_how_it_was_trained():
    model = roles.load_model()
    assert model is not None and 0 < len(model.weights) < 20000
    assert model.meta["trained_by"] == "scripts/train_roles.py"
    held = model.meta["overlap_f1"]["heldout"]
    assert held["model"]["micro"] > held["rules"]["micro"]


class _FixedTagger:
    """Stands in for the role tagger: the same spans for every sentence."""

    def __init__(self, spans):
        self._spans = spans

    def spans(self, sentences):
        return [list(self._spans) for _ in sentences]


def _tagged(nlp, spans, policy):
    from communique.models.role_tagger import TaggedSpan

    doc = nlp("Rebels attacked Kadugli.")
    actors = _Actors(doc, ["Rebels", "Kadugli"])
    events = find_events(doc, actors, role_model=False)
    roles.tag_events(_FixedTagger([TaggedSpan(*s) for s in spans]), doc, events,
                     actors.token_actor, policy=policy)
    return [(e.actor_ids, e.recipient_ids) for e in events]


def test_the_role_tagger_overrides_the_main_events_roles(nlp):
    # the rules say A1 attacked A2; a tagger that reads it the other way round wins
    swap = [("S", 16, 23, 0.9), ("T", 0, 6, 0.9)]
    assert _tagged(nlp, swap, "override") == [(["A2"], ["A1"])]
    assert _tagged(nlp, swap, "fill") == [(["A1"], ["A2"])]  # fill: the rules' roles stand
    assert _tagged(nlp, [("S", 16, 23, 0.2)], "override") == [(["A1"], ["A2"])]  # unsure: ignored
    assert _tagged(nlp, [], "override") == [(["A1"], ["A2"])]  # nothing tagged: rules stand
    # a span that names no actor changes nothing
    assert _tagged(nlp, [("S", 7, 15, 0.9)], "override") == [(["A1"], ["A2"])]


def test_the_role_tagger_runs_inside_find_events(nlp):
    from communique.models.role_tagger import TaggedSpan

    doc = nlp("Rebels attacked Kadugli.")
    actors = _Actors(doc, ["Rebels", "Kadugli"])
    tagger = _FixedTagger([TaggedSpan("S", 16, 23, 0.9), TaggedSpan("T", 0, 6, 0.9)])
    events = find_events(doc, actors, role_model=False, role_tagger=tagger)
    assert [(e.actor_ids, e.recipient_ids) for e in events] == [(["A2"], ["A1"])]
