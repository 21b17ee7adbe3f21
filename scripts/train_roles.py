"""Train the role step's model (communique/extract/roles.py) and write data/role_model.json.

    PYTHONPATH=. python scripts/train_roles.py [--out communique/data/role_model.json]

Data: the train part (evaluate/splits.py, 80%) of ../shared/dev/plv/train.tsv (<s>actor</s>,
<t>recipient</t>) and ../shared/dev/confli-cameo/ner_train.txt (BIO S/T/R; R counts as
actor). Each sentence is coded by the rules alone (as `communique eval --ner/--plv` does:
every noun chunk and entity a candidate); for the sentence's main event, every candidate
mention of the trigger's sentence is a training row labelled actor / recipient / none by
overlap with the marked spans. A multinomial logistic regression (scikit-learn, at
training time only; fixed seed) gives one weight per feature and role. The decision
thresholds are chosen on the held-out part (20%), by span overlap F1 there; the model is
only written when it beats the rules on the held-out part (else pass --force).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from communique.evaluate import cameo  # noqa: E402
from communique.evaluate.splits import select  # noqa: E402
from communique.extract import roles  # noqa: E402
from communique.extract.events import find_events  # noqa: E402

SHARED = ROOT.parent / "shared" / "dev"
SEED = 13
KEEP = 0.0  # the rules' actor stands whatever the model says of it (see main)
KEEP_RECIPIENT = (0.0, 0.05, 0.15, 0.3)  # tried for the rules' recipient, chosen on the held-out part


def items(part: str) -> list[tuple[str, dict]]:
    """(sentence, {"S": spans, "T": spans}) of both files' ``part``."""
    out = []
    rows = csv.DictReader(open(SHARED / "plv" / "train.tsv", encoding="utf-8"), delimiter="\t")
    for r in select(rows, lambda r: r["sentence"], part):
        out.append(cameo.mark_spans(r["marked_sentence"]))
    for toks, tags in select(cameo.read_bio(SHARED / "confli-cameo" / "ner_train.txt"),
                             lambda s: " ".join(s[0]), part):
        out.append((" ".join(toks), cameo.gold_spans(toks, tags)))
    return out


def examples(pairs, nlp, lexicon):
    """Per sentence: the rules' main event and its candidates with features and labels."""
    out = []
    for (text, gold), doc in zip(pairs, nlp.pipe([t for t, _ in pairs], batch_size=64)):
        actors = cameo.ChunkActors(doc)
        events = find_events(doc, actors, lexicon, role_model=False)
        e = cameo.main_event(events, doc)
        item = {"gold": gold, "rule": cameo.predicted_spans(e, actors), "cands": []}
        out.append(item)
        if e is None or not roles.applies_to(e.type, e.mode):
            continue
        trigger = doc[e.trigger_token]
        for c in roles.candidates(trigger, actors.token_actor):
            aid = actors.token_actor[c.i]
            span = actors.spans[aid]
            rule = "actor" if aid in e.actor_ids else "recipient" if aid in e.recipient_ids else "none"
            label = 1 if any(_heads(c, g) for g in gold["S"]) else \
                2 if any(_heads(c, g) for g in gold["T"]) else 0
            item["cands"].append({"f": roles.features(c, trigger, e.type, rule), "y": label,
                                  "span": span, "rule": rule})
    return out


def _inside(tok, span) -> bool:
    return span[0] <= tok.idx < span[1]


def _heads(cand, span) -> bool:
    """Does the candidate head the marked span (or one of its coordinated heads)? "Syria" in
    <s>Troops in Syria</s> does not: a phrase inside a marked span is not the actor."""
    if not _inside(cand, span):
        return False
    tok = cand
    while tok.dep_ == "conj" and _inside(tok.head, span):
        tok = tok.head
    return tok.head.i == tok.i or not _inside(tok.head, span) or tok.dep_ == "appos"


def fit(rows, c_value: float):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    X = vec.fit_transform([{f: 1 for f in r["f"]} for r in rows])
    y = [r["y"] for r in rows]
    clf = LogisticRegression(C=c_value, max_iter=2000, fit_intercept=False, random_state=SEED)
    clf.fit(X, y)
    coef = clf.coef_  # classes 0, 1, 2 in order
    assert list(clf.classes_) == [0, 1, 2], clf.classes_
    weights = {}
    for name, j in vec.vocabulary_.items():
        w = [float(coef[k, j]) for k in range(3)]
        if max(abs(x) for x in w) >= 1e-3:
            weights[name] = w
    return weights


def score(data, model) -> dict:
    """Span overlap counts per role when the model overrides the rules as at run time."""
    from collections import Counter

    counts = {"actor": Counter(), "recipient": Counter()}
    for item in data:
        pred = {"S": set(item["rule"]["S"]), "T": set(item["rule"]["T"])}
        if model is not None and item["cands"]:
            probs = [(model.probabilities(c["f"]), c) for c in item["cands"]]
            chosen = None  # the actor the model chose; never the recipient too
            for k, role, key in ((1, "actor", "S"), (2, "recipient", "T")):
                ruled = max((p[k] for p, c in probs if c["rule"] == role), default=0.0)
                pool = [(p, c) for p, c in probs
                        if k == 1 or (c["rule"] != "actor" and c["span"] != chosen)]
                has_rule = any(c["rule"] == role for c in item["cands"])
                if not pool or has_rule and ruled >= roles.keep_threshold(model, role):
                    continue
                p, cand = max(pool, key=lambda pc: pc[0][k])
                if cand["rule"] != role and p[k] >= model.thresholds.get(role, 0.5) and p[k] > ruled:
                    pred[key] = {cand["span"]}
                    other = "T" if key == "S" else "S"
                    pred[other] = {s for s in pred[other] if s != cand["span"]}
                    chosen = cand["span"] if k == 1 else chosen
        cameo.count_spans(counts, pred, item["gold"])
    return cameo.span_scores(counts)


def _thresholds(actor: float, recipient: float, keep_recipient: float) -> dict[str, float]:
    return {"actor": actor, "recipient": recipient, "keep": KEEP, "keep_actor": KEEP,
            "keep_recipient": keep_recipient}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(roles.MODEL_PATH))
    ap.add_argument("--force", action="store_true", help="write the model even if it loses to the rules")
    args = ap.parse_args(argv)
    from communique.lexicon import load_lexicon
    from communique.nlp import load_nlp

    nlp, lexicon = load_nlp(), load_lexicon()
    train = examples(items("train"), nlp, lexicon)
    held = examples(items("heldout"), nlp, lexicon)
    rows = [c for it in train for c in it["cands"]]
    print(f"train: {len(train)} sentences, {len(rows)} candidates; held-out: {len(held)} sentences",
          file=sys.stderr)
    base = {"train": score(train, None), "heldout": score(held, None)}
    best = None
    # The rules' pick stands while the model gives it at least KEEP. At 0 the model only
    # fills roles the rules left empty: overriding the actor (KEEP 0.3: held-out micro overlap
    # 0.833 against 0.797 filling only) undid the seed article's hand-checked actors
    # (the state behind a reported stance, the host of a visit). The rules' recipient gives
    # way when the model finds it unlikely (below KEEP_RECIPIENT) and likes another better:
    # on new text it is the recipient the rules miss or misplace.
    for c_value in (3.0, 10.0):
        weights = fit(rows, c_value)
        for ta in (0.5, 0.6):
            for tr in (0.3, 0.4, 0.5):
                for kr in KEEP_RECIPIENT:
                    model = roles.RoleModel(weights, _thresholds(ta, tr, kr), {})
                    f1 = score(held, model)["micro_overlap"]["f1"]
                    if best is None or f1 > best[0]:
                        best = (f1, c_value, ta, tr, kr, weights)
    f1, c_value, ta, tr, kr, weights = best
    model = roles.RoleModel(weights, _thresholds(ta, tr, kr), {})
    after = {"train": score(train, model), "heldout": score(held, model)}
    summary = {part: {"rules": {k: base[part][k]["overlap"]["f1"] for k in ("actor", "recipient")}
                      | {"micro": base[part]["micro_overlap"]["f1"]},
                      "model": {k: after[part][k]["overlap"]["f1"] for k in ("actor", "recipient")}
                      | {"micro": after[part]["micro_overlap"]["f1"]}}
               for part in ("train", "heldout")}
    print(json.dumps({"C": c_value, "thresholds": model.thresholds, "overlap_f1": summary}, indent=1), file=sys.stderr)
    better = summary["heldout"]["model"]["micro"] > summary["heldout"]["rules"]["micro"]
    if not better and not args.force:
        print("the model does not beat the rules on the held-out part: not written", file=sys.stderr)
        return 1
    model.meta = {"trained_by": "scripts/train_roles.py", "seed": SEED, "C": c_value,
                  "data": "train part of plv/train.tsv and confli-cameo/ner_train.txt",
                  "rows": len(rows), "overlap_f1": summary}
    Path(args.out).write_text(json.dumps(model.to_json(), separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({len(weights)} features)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
