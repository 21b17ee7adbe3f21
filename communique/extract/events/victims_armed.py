"""Whether a victim's own noun names armed people (the model mode's reading of victims).

``find._victims`` gives each victim the sector of the actor a name stands for ("a Govt
soldier": the Govt, GOV) and, beside it, the sector its words name (soldier, MIL). The
rules read both; the model mode reads the actor's alone, except where the victim's own noun
names armed people: "a Govt soldier", "two rebels of X" are soldiers and rebels, whatever the
name beside them (ACLED codebook: violence against civilians is violence against unarmed
people; an attack on armed people is a battle). Train part of the ACLED notes: 1 note changes
(a battle read as violence against civilians), none on the held-out part.
"""

from __future__ import annotations

from .acled_reading import ARMED_SECTORS


def head_armed(found, n_left: int, sector: str | None) -> bool:
    """Whether ``sector`` (the victim's words' sector) is armed and comes from the sector
    phrase ``found`` (``kb.longest_sector_phrase`` over the victim noun's ``n_left`` left
    modifiers and the noun) that ends at the noun itself: "Govt soldier", not "army wife"."""
    return sector in ARMED_SECTORS and bool(found and found[1] == n_left + 1)
