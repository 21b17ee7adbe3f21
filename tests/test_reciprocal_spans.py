"""The ConfliBERT span view of parties that act together (events/reciprocal.py): the met
party of a meeting and the second conjunct of a compound actor are sources there (R), while
the coder keeps them as recipients (the PLV convention). Sentences written for the test."""

from communique.evaluate.cameo import eval_ner


def _bio(tmp_path, rows):
    """A BIO file of (token, tag) sentences; tags default to O."""
    lines = []
    for sent in rows:
        for tok in sent.split():
            word, _, tag = tok.partition("/")
            lines.append(f"{word} {tag or 'O'}")
        lines.append("")
    p = tmp_path / "ner.txt"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return p


MEETING = ("Chancellor/B-R Olaf/I-R Scholz/I-R met President/B-R Emmanuel/I-R Macron/I-R "
           "in Berlin on Tuesday .")
TALKS = ("Foreign/B-R Minister/I-R Sergey/I-R Lavrov/I-R held talks with "
         "Kenyan/B-R President/I-R William/I-R Ruto/I-R on Friday .")
COMPOUND = "Kenya/B-R and/I-R Uganda/I-R signed a border agreement on Monday ."
ATTACK = "Rebels/B-S attacked an/B-T army/I-T post/I-T near the border on Sunday ."


def test_meeting_parties_are_sources(tmp_path):
    r = eval_ner(_bio(tmp_path, [MEETING, TALKS]))
    # both parties of each meeting counted as sources, no recipient given
    assert r["actor"]["overlap"]["recall"] == 1.0
    assert r["actor"]["overlap"]["precision"] == 1.0
    assert r["recipient"]["overlap"]["precision"] == 0.0 and r["recipient"]["overlap"]["support"] == 0


def test_compound_actor_is_one_source(tmp_path):
    r = eval_ner(_bio(tmp_path, [COMPOUND]))
    assert r["actor"]["overlap"]["precision"] == 1.0
    assert r["recipient"]["overlap"]["support"] == 0
    # no span given as a recipient: nothing counted against the recipient side
    assert r["micro_overlap"]["precision"] == 1.0


def test_one_sided_act_keeps_its_recipient(tmp_path):
    r = eval_ner(_bio(tmp_path, [ATTACK]))
    assert r["recipient"]["overlap"]["f1"] == 1.0
    assert r["actor"]["overlap"]["f1"] == 1.0


# The extent of a party's span (evaluate/cameo._full_np): an apposition that names or titles
# its head is part of the mention; a description with "a"/"an" is not.
TITLED = ("Chancellor/B-S Olaf/I-S Scholz/I-S ,/I-S the/I-S leader/I-S of/I-S Germany/I-S "
          "criticised the/B-T plan/I-T on Monday .")
NAMED = ("The/B-S Kenyan/I-S president/I-S ,/I-S William/I-S Ruto/I-S , "
         "criticised the/B-T plan/I-T on Monday .")
DESCRIBED = "John/B-S Smith/I-S , a local teacher , criticised the/B-T plan/I-T on Monday ."
PLACE = "Rebels/B-S shelled Kharkiv/B-T , the second city of the country , on Monday ."


def test_naming_apposition_is_part_of_the_span(tmp_path):
    r = eval_ner(_bio(tmp_path, [TITLED, NAMED]))
    assert r["actor"]["exact"]["f1"] == 1.0


def test_described_apposition_is_not(tmp_path):
    r = eval_ner(_bio(tmp_path, [DESCRIBED]))
    assert r["actor"]["exact"]["f1"] == 1.0


def test_place_apposition_is_not(tmp_path):
    r = eval_ner(_bio(tmp_path, [PLACE]))
    assert r["recipient"]["exact"]["recall"] == 1.0
