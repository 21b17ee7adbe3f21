"""Scorers behind `communique eval`: one module per annotated data set."""

from __future__ import annotations

from typing import Any


def run_eval(class_tsv=None, ner=None, plv=None, polnear=None, split="dev",
             when_where=None, actors=None, limit=None, part="all",
             acled=None, acled_scorers=None, event_model=False
             ) -> dict[str, tuple[dict[str, Any], str]]:
    """Score each named data set; returns ``{name: (scores, printable table)}``.

    ``event_model``: code with the trained event model (see ``Coder``)."""
    from ..pipeline import Coder, default_coder

    coder = Coder(event_model=event_model) if event_model else default_coder()
    results: dict[str, tuple[dict[str, Any], str]] = {}
    if class_tsv or ner or plv:
        from . import cameo
        if class_tsv:
            r = cameo.eval_class(class_tsv, coder, part=part)
            results["quad class"] = (r, cameo.format_table(r))
        if ner:
            r = cameo.eval_ner(ner, coder, part=part)
            results["actor/recipient spans"] = (r, cameo.format_table(r))
        if plv:
            r = cameo.eval_plv(plv, coder, part=part)
            results["PLOVER type"] = (r, cameo.format_table(r))
    if polnear:
        from . import polnear as _polnear
        r = _polnear.evaluate(polnear, coder, split=split)
        results["quotes (PolNeAR)"] = (r, _polnear.format_table(r))
    if when_where:
        from . import when_where as _ww
        r = _ww.evaluate(when_where, coder, limit=limit)
        results["dates, places, fatalities"] = (r, _ww.format_table(r))
    if actors:
        from . import actors as _actors
        r = _actors.evaluate(actors, coder, limit=limit, part=part)
        results["actor countries"] = (r, _actors.format_table(r))
    if acled:
        from . import acled as _acled
        r = _acled.evaluate(acled, coder, part=part, limit=limit, scorers=acled_scorers)
        r.pop("records")
        results["ACLED notes"] = (r, _acled.format_table(r))
    return results
