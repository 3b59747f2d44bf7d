"""The web app: a JSON API (OpenAPI at /openapi.json) and server-rendered pages under /ui.

``app.create_app(ServeSettings(...))`` builds it; ``saidwhat serve`` runs it with uvicorn.
"""

from saidwhat.serve.app import create_app
from saidwhat.serve.settings import ServeSettings

__all__ = ["create_app", "ServeSettings"]
