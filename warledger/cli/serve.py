"""``warledger serve``: serve the REST API, the dashboard and the watch feeds until interrupted.

FastAPI and uvicorn (the ``serve`` extra) are imported inside the handler, so the rest of the CLI works without them.
"""
from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from warledger.cli.common import add_db_option
from warledger.errors import ConfigError, message

TOKEN_VARIABLE = "WARLEDGER_TOKEN"


def register(sub: Any) -> None:
    p = sub.add_parser(
        "serve",
        help="serve the REST API and the dashboard",
        description="Serve the REST API (/api, /docs), the dashboard (/) and watch feeds (/feeds/NAME.atom) from one "
        f"process until interrupted. Set {TOKEN_VARIABLE} to accept documents on POST /api/documents.\n\n"
        "example: warledger serve --db warledger.duckdb --port 8000",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_db_option(p)
    p.add_argument("--host", default="127.0.0.1", help="interface to listen on (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000)")
    p.add_argument("--max-body-mb", type=float, default=20.0, metavar="MB",
                   help="refuse request bodies larger than this with 413 (default 20)")
    p.add_argument("--tiles", metavar="URL", default=None,
                   help="online map tiles under the offline outlines, e.g. https://tile.example.org/{z}/{x}/{y}.png "
                   "(off by default: the map needs no internet)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from warledger.serve import create_app
    except ModuleNotFoundError as err:
        detail = f"needs {err.name}, which is in the serve extra; install it with pip install 'warledger[serve]'"
        raise ConfigError(message("E201", option="serve", detail=detail), code="E201") from err
    if not 0 <= args.port <= 65535:
        raise ConfigError(message("E201", option="--port", detail=f"{args.port} is not a port (0-65535)"),
                          code="E201")
    token = os.environ.get(TOKEN_VARIABLE) or None
    app = create_app(args.db, token=token, max_body_mb=args.max_body_mb, tiles=args.tiles)
    host = f"[{args.host}]" if ":" in args.host else args.host
    writes = "enabled" if token else f"disabled (set {TOKEN_VARIABLE} to enable POST /api/documents)"
    print(f"warledger: serving {args.db} on http://{host}:{args.port}/ (API docs at /docs); writes {writes}; "
          "press Ctrl+C to stop", flush=True)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    print("warledger: server stopped", file=sys.stderr)
    return 0
