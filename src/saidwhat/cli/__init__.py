"""The ``saidwhat`` command: a thin shell over the library. Each area adds its commands in its own module."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="saidwhat",
    help="Who said what, about whom, when, where, and according to whom.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def main() -> None:
    """Who said what, about whom, when, where, and according to whom."""


# Command modules register themselves on `app` when imported.
from saidwhat.cli import extract_cmd  # noqa: E402,F401
from saidwhat.cli import eval_cmd  # noqa: E402,F401
from saidwhat.cli import train_cmd  # noqa: E402,F401
from saidwhat.cli import serve_cmd  # noqa: E402,F401
from saidwhat.cli import corpus_cmd  # noqa: E402,F401
from saidwhat.cli import claims_cmd  # noqa: E402,F401
