"""The role step's recipient (issue 12, seventeenth round): the words that say who receives
an act, and a rules' recipient that gives way where the model finds it unlikely."""

from __future__ import annotations

from communique.extract import roles


class _Actors:
    def __init__(self, doc, words):
        self.token_actor = {t.i: f"A{n}" for n, w in enumerate(words, 1) for t in doc if t.text == w}


def _model(weights: dict[str, list[float]], **thresholds) -> roles.RoleModel:
    return roles.RoleModel({"bias": [0.0, -2.0, -2.0]} | weights,
                           {"actor": 0.5, "recipient": 0.5, "keep": 0.0} | thresholds, {})


def test_features_name_the_trigger_word_and_what_the_candidate_hangs_from(nlp):
    doc = nlp("The Senate called for sanctions against Cuba.")
    trigger, cuba = doc[4], doc[6]
    f = roles.features(cuba, trigger, "COERCE", "none")
    assert "tl=sanction|prep=against" in f and "tl=sanction|dep=pobj" in f
    assert "hv=sanction|against|pobj" in f
    # the Senate and the sanctions meet at "called": the Senate asks for them
    senate = roles.features(doc[1], trigger, "COERCE", "actor")
    assert "lca=call|nsubj" in senate and "lcapos=VERB|cdep=nsubj" in senate
    assert "lca=trigger" in f


def test_an_unlikely_rules_recipient_gives_way_to_a_likely_one(nlp):
    doc = nlp("Rebels handed the hostages to Kenya.")
    ta = _Actors(doc, ["Rebels", "hostages", "Kenya"]).token_actor
    weights = {"prep=to": [0.0, 0.0, 8.0], "dep=dobj|voice=act|tpos=V": [4.0, 0.0, 0.0]}
    model = _model(weights, keep_recipient=0.5)
    assert roles.assign(model, doc[1], "AID", ta, ["A1"], ["A2"]) == (["A1"], ["A3"])
    # the model's own keep for recipients absent: the rules' pick stands, as before
    assert roles.assign(_model(weights), doc[1], "AID", ta, ["A1"], ["A2"]) == (["A1"], ["A2"])


def test_the_rules_actor_still_stands(nlp):
    doc = nlp("Rebels handed the hostages to Kenya.")
    ta = _Actors(doc, ["Rebels", "hostages", "Kenya"]).token_actor
    model = _model({"prep=to": [0.0, 8.0, 0.0], "dep=nsubj|voice=act|tpos=V": [4.0, 0.0, 0.0]},
                   keep_recipient=0.5, keep_actor=0.0)
    actor, _recipient = roles.assign(model, doc[1], "AID", ta, ["A1"], ["A2"])
    assert actor == ["A1"]


def test_the_shipped_model_may_replace_an_unlikely_recipient_only():
    model = roles.load_model()
    assert model.thresholds["keep_actor"] == 0.0
    assert 0.0 < model.thresholds["keep_recipient"] < 0.5
    assert roles.keep_threshold(model, "recipient") == model.thresholds["keep_recipient"]
