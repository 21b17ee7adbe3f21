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
        "events.json": [("class_accuracy",), ("ner_micro_overlap_f1",), ("plv_accuracy",),
                        ("class_accuracy_train",), ("class_accuracy_heldout",),
                        ("plv_accuracy_train",), ("plv_accuracy_heldout",)],
        "quotes.json": [("communique", "direct", "content", "f1"), ("communique", "all", "content", "f1"),
                        ("communique", "direct", "content+speaker", "f1")],
        "when_where.json": [("scores", "date"), ("scores", "location_country"), ("scores", "fatalities")],
        "actors.json": [("actor", "accuracy"), ("recipient", "accuracy")],
    }
    for name, paths in wanted.items():
        pins = dict(_numbers(json.loads((ROOT / "tests" / "data" / "pinned" / name).read_text())))
        for p in paths:
            assert f"{pins[p]:.3f}" in page, f"docs/evaluation.md lacks {name} {'/'.join(p)} = {pins[p]:.3f}"


def _shell_lines(markdown: str):
    import re

    for block in re.findall(r"```(?:sh|console)\n(.*?)```", markdown, re.S):
        for line in block.splitlines():
            line = line.removeprefix("$ ").split("#", 1)[0].strip()
            if line:
                yield line


def test_readme_writes_the_command_as_make_installs_it():
    """`make run` puts the command at .venv/bin/communique; the README writes that path."""
    import re
    import tomllib

    readme = (ROOT / "README.md").read_text("utf-8")
    makefile = (ROOT / "Makefile").read_text("utf-8")
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["scripts"]
    assert "communique" in scripts
    venv = re.search(r"^VENV := (\S+)$", makefile, re.M).group(1)
    assert "$(BIN)/communique code examples/" in makefile
    wanted = f"{venv}/bin/communique"
    runs = [c for line in _shell_lines(readme) for c in line.split("|")
            if re.search(r"(^|/)communique\b", c.strip())]
    assert len(runs) >= 5
    for command in runs:
        assert command.strip().startswith(wanted + " "), (
            f"README runs {command.strip()!r}: write {wanted}, which `make run` installs")
    assert f". {venv}/bin/activate" in readme, "README says how to type plain `communique`"


def test_readme_example_output_is_what_make_run_prints(coder):
    """Every line the README shows of `make run` is a line of the real output, in order."""
    import re

    from communique.io import read_inputs
    from communique.table import format_record

    readme = (ROOT / "README.md").read_text("utf-8")
    command, shown = re.search(r"```console\n\$ (.*?)\n(.*?)```", readme, re.S).groups()
    assert command == ".venv/bin/communique code examples/ --published 2022-10-03 --format table"
    records = coder.code_dicts(read_inputs([str(ROOT / "examples")], published="2022-10-03"))
    printed = [line.rstrip() for rec in records for line in format_record(rec).splitlines()]
    at = 0
    for line in shown.splitlines():
        if line in ("...", ""):
            continue
        assert line in printed[at:], f"README shows a line `make run` does not print: {line!r}"
        at = printed.index(line, at) + 1
