"""communique: political event data from news, offline.

>>> import communique
>>> rec = communique.code("Iran condemned the strike.", published="2022-10-03")
"""

import logging

from .record import Actor, Article, Event, Mention, Place, Quote, Record

__version__ = "0.1.0"

__all__ = ["code", "Coder", "Record", "Article", "Actor", "Mention", "Event",
           "Quote", "Place", "__version__"]

logging.getLogger(__name__).addHandler(logging.NullHandler())


def __getattr__(name):
    # Coder pulls in spaCy: import it only when asked for.
    if name in ("Coder", "code"):
        from . import pipeline
        return getattr(pipeline, name)
    raise AttributeError(name)
