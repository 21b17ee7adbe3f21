"""`eval --plv` coverage: which marked actor/recipient pairs one of our events covers."""

from __future__ import annotations

from communique.evaluate.cameo import eval_plv, format_table

HEADER = "sentence\tmarked_sentence\tsource\ttarget\tgold_root\tgold_penta\n"
# Written by hand, not taken from the data. Which spans our events should cover:
ROWS = [
    # an ACCUSE event, Iran -> Israel: the pair, actor and recipient all covered
    ("<s>Iran</s> condemned <t>Israel</t>.", "ACCUSE"),
    # no event at all: a pair, nothing covered
    ("<s>The weather</s> was <t>nice</t> this week.", "CONSULT"),
    # the event's recipient is Israel, not the marked Monday: actor covered only
    ("<s>Iran</s> condemned Israel on <t>Monday</t>.", "ACCUSE"),
    # no recipient marked: not a pair; no event
    ("The sun rose over <s>the quiet hills</s>.", "CONSULT"),
]


def _write(path):
    lines = [HEADER]
    for marked, root in ROWS:
        plain = marked.replace("<s>", "").replace("</s>", "").replace("<t>", "").replace("</t>", "")
        lines.append(f"{plain}\t{marked}\t\t\t{root}\t0\n")
    path.write_text("".join(lines), encoding="utf-8")


def test_coverage_counts_pairs_sides_and_sentences_without_events(tmp_path):
    path = tmp_path / "plv.tsv"
    _write(path)
    r = eval_plv(path)
    cov = r["coverage"]
    assert cov["pairs"] == 3
    assert cov["pairs_covered"] == round(1 / 3, 4)
    assert cov["actor_covered"] == round(2 / 3, 4)
    assert cov["recipient_covered"] == round(1 / 3, 4)
    assert cov["no_event"] == 0.5
    table = format_table(r)
    assert "pairs covered 0.333" in table and "no event 0.500" in table


def test_document_view_counts_gold_type_anywhere_and_event_precision(tmp_path):
    # issue 13's view of PLOVER's gold-standard sentences, on hand-written rows: the same
    # accusation labelled ACCUSE (our event right) and CONSULT (our event wrong), and a
    # sentence with no event (no gold type among our events, no event to count)
    rows = [("<s>Iran</s> condemned <t>Israel</t>.", "ACCUSE"),
            ("<s>Iran</s> condemned <t>Israel</t>.", "CONSULT"),
            ("<s>The weather</s> was <t>nice</t> this week.", "CONSULT")]
    lines = [HEADER]
    for marked, root in rows:
        plain = marked.replace("<s>", "").replace("</s>", "").replace("<t>", "").replace("</t>", "")
        lines.append(f"{plain}\t{marked}\t\t\t{root}\t0\n")
    path = tmp_path / "plv.tsv"
    path.write_text("".join(lines), encoding="utf-8")
    r = eval_plv(path)
    assert r["document"] == {"has_gold_type": round(1 / 3, 4), "events": 2, "event_precision": 0.5}
    assert "gold type among our events 0.333  precision of our events 0.500 (n=2)" in format_table(r)
