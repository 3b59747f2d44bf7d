"""``saidwhat serve --db PATH``: the web UI and JSON API over a store."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from saidwhat.cli import app


@app.command("serve")
def serve_command(
    db: Path = typer.Option(..., help="The DuckDB store to serve (fill it with `saidwhat ingest`)."),
    host: str = typer.Option("127.0.0.1", help="Address to listen on (0.0.0.0 exposes it to the network)."),
    port: int = typer.Option(8000, min=1, max=65535, help="Port to listen on."),
    token: Optional[str] = typer.Option(
        None, help="Bearer token that enables write endpoints (ingest, entity merge); default: $SAIDWHAT_TOKEN. "
        "With a token the server opens the store read-write and owns it.",
    ),
    allow_fetch: bool = typer.Option(False, "--allow-fetch", help="Let POST /extract fetch a URL (off by default)."),
) -> None:
    """Serve the web UI (/ui) and the JSON API (/openapi.json) over a store."""
    import uvicorn  # imported here: other commands should not pay for the web stack

    from saidwhat.serve import ServeSettings, create_app
    from saidwhat.serve.database import StoreUnavailable
    from saidwhat.serve.settings import token_from_env

    errors = Console(stderr=True)
    settings = ServeSettings(db=db, token=token_from_env(token), allow_fetch=allow_fetch)
    try:
        web_app = create_app(settings)
    except StoreUnavailable as exc:
        errors.print(f"[red]error[/red] {exc}")
        raise typer.Exit(code=2) from exc
    mode = "read-write, write endpoints on" if settings.writable else "read-only"
    errors.print(f"saidwhat: serving {db} ({mode}) at http://{host}:{port}/ui/")
    uvicorn.run(web_app, host=host, port=port, log_level="warning", access_log=False)
