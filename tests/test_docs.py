"""Docs that cannot go stale: the CLI reference is the program's own --help."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_cli_reference_matches_the_program():
    from communique._docs import cli_reference

    doc = (ROOT / "docs" / "cli.md").read_text("utf-8")
    assert doc == cli_reference(), "docs/cli.md is stale: run `python -m communique._docs > docs/cli.md`"


def test_readme_names_the_two_commands_and_links_exist():
    readme = (ROOT / "README.md").read_text("utf-8")
    assert "make run" in readme and "make test" in readme
    import re

    for link in re.findall(r"\]\(((?:docs|communique)/[^)#]+)\)", readme):
        assert (ROOT / link).exists(), f"README links to missing {link}"


def test_ci_runs_the_readme_test_command():
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def _numbers(obj, path=()):
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield from _numbers(v, path + (k,))
    elif isinstance(obj, float):
        yield path, obj


def test_evaluation_page_shows_the_pinned_scores():
    import json

    page = (ROOT / "docs" / "evaluation.md").read_text("utf-8")
    wanted = {
        "events.json": [("class_accuracy",), ("ner_micro_overlap_f1",), ("plv_accuracy",)],
        "quotes.json": [("communique", "direct", "content", "f1"), ("communique", "all", "content", "f1"),
                        ("communique", "direct", "content+speaker", "f1")],
        "when_where.json": [("scores", "date"), ("scores", "location_country"), ("scores", "fatalities")],
        "actors.json": [("actor", "accuracy"), ("recipient", "accuracy")],
    }
    for name, paths in wanted.items():
        pins = dict(_numbers(json.loads((ROOT / "tests" / "data" / "pinned" / name).read_text())))
        for p in paths:
            assert f"{pins[p]:.3f}" in page, f"docs/evaluation.md lacks {name} {'/'.join(p)} = {pins[p]:.3f}"
