"""Does a change leave the coder's output as it was? Code a fixed set of inputs, compare.

A speed-up must not change a single record. This codes, with the default coder (and the
model mode with ``--model``), a fixed set of inputs from the train side only:

  - the first ``--articles`` PolNeAR articles, in ``bench_scale.py``'s order and with its
    publication dates (``../shared/dev/polnear``);
  - ``examples/`` (the seed article, published 2022-10-03, and ``wire-reports.jsonl``);
  - the first ``--notes`` ACLED train notes (``../shared/dev/acled/train.jsonl``);
  - the first ``--sentences`` PLV train sentences (``../shared/dev/plv/train.tsv``),
    each with the fixed publication date 2018-06-01;

and writes one JSON record a line (keys sorted) to OUT. With ``--against REF`` it then
compares OUT with REF line by line and exits 1 on any difference, naming the first ones.

    .venv/bin/python bench/same_output.py /tmp/before.jsonl            # on the old code
    .venv/bin/python bench/same_output.py /tmp/after.jsonl --against /tmp/before.jsonl

Inputs missing (no ``../shared``) are skipped with a note; both runs must see the same.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "dev"
PLV_PUBLISHED = "2018-06-01"


def inputs(articles: int, notes: int, sentences: int) -> list[dict]:
    """The fixed inputs, as article dicts with unique ids."""
    out: list[dict] = []
    polnear = DEV / "polnear"
    if (polnear / "metadata.tsv").exists():
        with open(polnear / "metadata.tsv", encoding="utf-8") as fh:
            published = {r["filename"]: r["publication_date"]
                         for r in csv.DictReader(fh, delimiter="\t")}
        files = sorted((polnear / "train" / "text").glob("*.txt")) + sorted(
            (polnear / "dev" / "text").glob("*.txt"))
        for f in files[:articles]:
            out.append({"id": f"polnear:{f.stem}", "published": published.get(f.stem),
                        "text": f.read_text("utf-8")})
    else:
        print(f"no PolNeAR texts under {polnear}: skipped", file=sys.stderr)
    out.append({"id": "example:iran-azerbaijan-call", "published": "2022-10-03",
                "text": (ROOT / "examples" / "iran-azerbaijan-call.txt").read_text("utf-8")})
    with open(ROOT / "examples" / "wire-reports.jsonl", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                d = json.loads(line)
                out.append({**d, "id": f"example:{d.get('id')}"})
    acled = DEV / "acled" / "train.jsonl"
    if acled.exists():
        with open(acled, encoding="utf-8") as fh:
            for _, line in zip(range(notes), fh):
                n = json.loads(line)
                out.append({"id": f"acled:{n['id']}", "published": n.get("published"),
                            "text": n["text"]})
    else:
        print(f"no {acled}: skipped", file=sys.stderr)
    plv = DEV / "plv" / "train.tsv"
    if plv.exists():
        with open(plv, encoding="utf-8", newline="") as fh:
            for n, row in zip(range(sentences), csv.DictReader(fh, delimiter="\t")):
                out.append({"id": f"plv:{n}", "published": PLV_PUBLISHED,
                            "text": row["sentence"]})
    else:
        print(f"no {plv}: skipped", file=sys.stderr)
    return out


def code_all(items: list[dict], model: bool) -> list[str]:
    from communique.pipeline import Coder, default_coder

    lines = []
    coders = [("default", default_coder())]
    if model:
        coders.append(("model", Coder(event_model=True)))
    for name, coder in coders:
        for rec in coder.code_dicts(dict(d) for d in items):
            lines.append(json.dumps({"coder": name, **rec}, sort_keys=True, ensure_ascii=False))
    return lines


def compare(out: Path, ref: Path, show: int = 5) -> int:
    new = out.read_text("utf-8").splitlines()
    old = ref.read_text("utf-8").splitlines()
    differ = [i for i, (a, b) in enumerate(zip(new, old)) if a != b]
    if len(new) != len(old):
        print(f"{len(new)} records against {len(old)} in {ref}", file=sys.stderr)
    for i in differ[:show]:
        a, b = json.loads(new[i]), json.loads(old[i])
        keys = sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k))
        print(f"differs: {a.get('coder')} {a.get('id')} (keys {', '.join(keys)})", file=sys.stderr)
    if differ or len(new) != len(old):
        print(f"NOT the same: {len(differ)} of {min(len(new), len(old))} records differ",
              file=sys.stderr)
        return 1
    print(f"same output: {len(new)} records identical byte for byte", file=sys.stderr)
    return 0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out", type=Path, help="where to write the records (JSONL)")
    ap.add_argument("--against", type=Path, help="a reference file to compare with")
    ap.add_argument("--articles", type=int, default=150, help="PolNeAR articles (default 150)")
    ap.add_argument("--notes", type=int, default=300, help="ACLED train notes (default 300)")
    ap.add_argument("--sentences", type=int, default=300,
                    help="PLV train sentences (default 300)")
    ap.add_argument("--model", action="store_true", help="also code in model mode")
    args = ap.parse_args()
    items = inputs(args.articles, args.notes, args.sentences)
    lines = code_all(items, args.model)
    args.out.write_text("\n".join(lines) + "\n", "utf-8")
    print(f"{len(items)} inputs, {len(lines)} records -> {args.out}", file=sys.stderr)
    if args.against:
        sys.exit(compare(args.out, args.against))


if __name__ == "__main__":
    main()
