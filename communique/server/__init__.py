"""Web app and JSON API: ``communique serve --db events.db``."""

from .app import create_app

__all__ = ["create_app"]
