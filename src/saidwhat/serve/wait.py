"""``python -m saidwhat.serve.wait URL [--log FILE]``: wait until a started server answers (make demo).

Exits 0 once URL answers, or 1 after the timeout, printing the server's log so the reason is visible.
"""

from __future__ import annotations

import argparse
import sys
import time
import urllib.request
from pathlib import Path


def wait_for(url: str, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return True
        except OSError:
            time.sleep(0.2)
    return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url")
    parser.add_argument("--timeout", type=float, default=30.0)
    parser.add_argument("--log", type=Path, help="the server's log, shown when it does not come up")
    args = parser.parse_args(argv)
    if wait_for(args.url, args.timeout):
        return 0
    print(f"no answer from {args.url} within {args.timeout:.0f} s", file=sys.stderr)
    if args.log is not None and args.log.is_file():
        print(args.log.read_text(encoding="utf-8", errors="replace"), file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
