"""The ingest benchmark's baseline: FastAPI under the same uvicorn as ingest, reading each
webhook body and answering 200, no work at all.

    python -m bench.bare_endpoint PORT
"""

from __future__ import annotations

import sys

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse


def bare_app() -> FastAPI:
    app = FastAPI()

    @app.post("/webhook")
    async def webhook(request: Request) -> JSONResponse:
        await request.body()
        return JSONResponse({"status": "ok"})

    @app.get("/readyz")
    async def readyz() -> dict[str, str]:
        return {"status": "ok"}

    return app


if __name__ == "__main__":
    from servicekit.serve import serve

    serve(bare_app(), "127.0.0.1", int(sys.argv[1]))
