"""Event coding: lexicon triggers + the dependency parse -> PLOVER events.

``find_events(doc, actors, lexicon)`` runs one step per module:

- :mod:`.candidates`: trigger words and phrases from the event lexicon (verbs,
  nouns, multiword expressions) whose constraints hold on the parse; demands and
  blame in reported speech; acts reported inside a request, threat, accusation,
  refusal or promise folded into that frame.
- :mod:`.classify`: ``read`` (what the lexicon and the frame say) and ``decide``
  (the type, mode, CAMEO code and contexts, once), with :mod:`.normalise`'s
  table-driven PLOVER rules for future and refused acts.
- :mod:`.arguments`: ``assign``: actor and recipient, with the recipient fallbacks.
- :mod:`.modality`: asserted, future, hypothetical or historical; negation.
- :mod:`.dedupe`: the same event told twice (a headline repeating the body) once.

:mod:`.tree` holds the parse helpers they share; :mod:`.find` wires them up.
"""

from .find import find_events
from .hit import EventHit

__all__ = ["EventHit", "find_events"]
