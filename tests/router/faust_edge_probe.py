"""`python -m tests.router.faust_edge_probe`: the real router worker (as
`python -m services.router` runs it) that, once ready, writes what
`faust_edge.missing_on_live_app` finds on its live app and tables to $PROBE_OUT (JSON)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from services.router.__main__ import main
from services.router.app import Router
from services.router.faust_edge import FAUST_VERSION, missing_on_live_app


def probe(router: Router) -> None:
    out = Path(os.environ["PROBE_OUT"])

    async def check() -> None:
        if out.exists() or not all(router.readiness().values()):
            return
        missing = missing_on_live_app(router.app, router.reporters, router.references)
        out.write_text(json.dumps({"faust": FAUST_VERSION, "missing": missing}))

    router.app.timer(interval=0.5)(check)


if __name__ == "__main__":
    main(prepare=probe)
