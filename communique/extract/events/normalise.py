"""PLOVER normalisation: how a frame, a future or a refusal changes what an act is coded as.

The PLOVER manual codes a promised act as an intention (AGREE; a promised concession is
CAMEO 035x, AGREE in the CAMEO2PLOVER-2021 table), a
threatened one as THREATEN, a refused one as REJECT; the framing event takes its
mode and CAMEO code from the act it reports. The conversion tables are data:
``data/frame_modes.tsv`` and ``data/intent_cameo.tsv``, checked when first read.
"""

from __future__ import annotations

import functools
from pathlib import Path

from communique.lexicon import DATA, LexiconError, cameo_table, read_tsv
from communique.record import EVENT_TYPES
from communique.word_lists import word_list

from .modality import FUTURE_MODS

COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}
MATERIAL_CONFLICT = {"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
FRAMES = ("request", "reject", "threaten")  # the frames whose mode comes from frame_modes.tsv
INTENT_OF = ("type", "cameo")
# "decided to lift the curfew": the concession decided, not promised (it stays CONCEDE)
DECISION_HEADS = word_list("decision_heads")


def _check_cameo(code: str, where: str) -> str:
    if code not in cameo_table():
        raise LexiconError(f"{where}: CAMEO code {code!r} is not in cameo_codes.tsv")
    return code


def _check_act(act: str, where: str) -> str:
    etype = act.partition("/")[0]
    if etype not in EVENT_TYPES:
        raise LexiconError(f"{where}: act {act!r} must be a PLOVER type or type/mode; "
                           f"types are {', '.join(EVENT_TYPES)}")
    return act


@functools.cache
def frame_modes(path: Path = DATA / "frame_modes.tsv") -> dict[str, dict[str, tuple[str, str]]]:
    """frame -> {act ("TYPE" or "TYPE/mode") -> (mode, CAMEO code)}, from ``frame_modes.tsv``.

    Raises:
        LexiconError: naming the file, the line and the allowed values.
    """
    out: dict[str, dict[str, tuple[str, str]]] = {f: {} for f in FRAMES}
    for n, d in read_tsv(path):
        where = f"{path.name} line {n}"
        if d["frame"] not in FRAMES:
            raise LexiconError(f"{where}: frame {d['frame']!r} is not one of {', '.join(FRAMES)}")
        if not d["mode"]:
            raise LexiconError(f"{where}: missing `mode`")
        out[d["frame"]][_check_act(d["act"], where)] = (d["mode"], _check_cameo(d["cameo"], where))
    return out


@functools.cache
def intent_cameo(path: Path = DATA / "intent_cameo.tsv") -> dict[str, dict[str, str]]:
    """{"type": PLOVER type -> CAMEO code, "cameo": concession code -> intent code},
    from ``intent_cameo.tsv``.

    Raises:
        LexiconError: naming the file, the line and the allowed values.
    """
    out: dict[str, dict[str, str]] = {k: {} for k in INTENT_OF}
    for n, d in read_tsv(path):
        where = f"{path.name} line {n}"
        if d["of"] not in INTENT_OF:
            raise LexiconError(f"{where}: `of` {d['of']!r} is not one of {', '.join(INTENT_OF)}")
        key = _check_act(d["key"], where) if d["of"] == "type" else _check_cameo(d["key"], where)
        out[d["of"]][key] = _check_cameo(d["cameo"], where)
    return out


def frame_mode(frame: str, etype: str, mode: str | None,
               default: tuple[str | None, str | None]) -> tuple[str | None, str | None]:
    """(mode, CAMEO) of a ``frame`` event reporting an act of this type and mode."""
    table = frame_modes()[frame]
    return table.get(f"{etype}/{mode}") or table.get(etype, default)


def intent_code(etype: str, default: str = "030") -> str:
    """CAMEO code of an intention to do an act of this type ("will provide aid": 033)."""
    return intent_cameo()["type"].get(etype, default)


def intent_to_yield(cameo: str | None) -> str:
    """CAMEO code of a promised concession ("pledged to release": 0353), from its act's code."""
    return intent_cameo()["cameo"].get(cameo or "", "035")


def promised_concession(etype: str, cameo: str | None) -> bool:
    """An AGREE that promises a concession (CAMEO 035x): dedupe and the background cut still
    take it with the concessions told beside it, as when it was coded CONCEDE."""
    return etype == "AGREE" and (cameo or "").startswith("035")


def normalise(etype: str, mode: str | None, cameo: str | None, tok, modality: str,
              refusal: bool) -> tuple[str, str | None, str | None]:
    """(type, mode, cameo) after PLOVER's rules for future and refused acts
    (manual: AGREE, CONCEDE, RETREAT and CONSULT ambiguities; THREATEN modes).

    Args:
        tok: the trigger token ("a scheduled visit" stays a future CONSULT).
    """
    if refusal and etype in COOPERATIVE:
        mode, cameo = frame_modes()["reject"].get(etype, ("change", "120"))
        return "REJECT", mode, cameo
    if modality != "future":
        return etype, mode, cameo
    if etype in ("SUPPORT", "COOPERATE", "AID"):
        return "AGREE", None, intent_cameo()["type"][etype]
    if etype == "CONSULT" and not (tok.pos_ in ("NOUN", "PROPN") and any(
            c.lower_ in FUTURE_MODS for c in tok.children if c.dep_ in ("amod", "compound"))):
        # "will meet", "will hold talks": a stated intention to meet (manual, CONSULT
        # ambiguities); an already "scheduled visit" stays a CONSULT with future modality
        return "AGREE", None, "036"
    if etype == "RETREAT" and tok.dep_ == "xcomp" and tok.head.lemma_ in DECISION_HEADS:
        return "CONCEDE", None, intent_to_yield(cameo)
    if etype == "RETREAT":
        # "will release the hostages": CAMEO 035x, express intent to yield, which the
        # CAMEO2PLOVER-2021 table codes AGREE
        return "AGREE", None, intent_to_yield(cameo)
    if etype == "PROTEST" and mode in ("boycott", "strike", "obstruct"):
        # "will boycott the elections": a threat to restrict (manual, THREATEN modes)
        return "THREATEN", "restrict", "133"
    if etype in MATERIAL_CONFLICT - {"PROTEST"}:
        mode, cameo = frame_mode("threaten", etype, mode, (None, "130"))
        return "THREATEN", mode, cameo
    return etype, mode, cameo
