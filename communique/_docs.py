"""The CLI reference in docs/cli.md, generated from the parser's own --help."""

from __future__ import annotations

import os


def cli_reference() -> str:
    from .cli import build_parser

    os.environ["COLUMNS"] = "100"  # argparse wraps to the terminal: fix it for stable docs
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    parts = ["# CLI reference", "",
             "Generated from `--help` by `python -m communique._docs > docs/cli.md`; "
             "`tests/test_docs.py` fails when this page and the program disagree.", "",
             "```text", parser.format_help().rstrip(), "```", ""]
    for name, p in sub.choices.items():
        parts += [f"## communique {name}", "", "```text", p.format_help().rstrip(), "```", ""]
        nested = [a for a in p._actions if a.__class__.__name__ == "_SubParsersAction"]
        for action in nested:
            for subname, sp in action.choices.items():
                parts += [f"### communique {name} {subname}", "", "```text",
                          sp.format_help().rstrip(), "```", ""]
    return "\n".join(parts)


if __name__ == "__main__":
    print(cli_reference(), end="")
