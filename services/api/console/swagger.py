"""GET /docs with Swagger UI served by the API itself (the `swagger-ui-bundle-v2` wheel
ships its files), so the page works on a machine without internet; FastAPI's default
loads it from a CDN and starts it with an inline script. Here every script is a file of
this origin (the start-up is `static/docs.js`), so the page runs under the API's
Content-Security-Policy for HTML (`services/api/security_headers.py`). ReDoc (CDN only) is
switched off in `create_app`."""

from __future__ import annotations

from html import escape

import swagger_ui_bundle
from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

ASSETS = "/docs-assets"
START_SCRIPT = "/console/static/docs.js"


def docs_page(title: str, openapi_url: str) -> str:
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title>
<link rel="stylesheet" href="{ASSETS}/swagger-ui.css">
<link rel="icon" href="{ASSETS}/favicon-32x32.png">
</head>
<body>
<div id="swagger-ui" data-openapi="{escape(openapi_url)}"></div>
<script src="{ASSETS}/swagger-ui-bundle.js"></script>
<script src="{START_SCRIPT}"></script>
</body>
</html>
"""


def add_offline_docs(app: FastAPI) -> None:
    app.mount(ASSETS, StaticFiles(directory=str(swagger_ui_bundle.swagger_ui_path)),
              name="docs-assets")  # fmt: skip

    @app.get("/docs", include_in_schema=False)
    async def docs() -> HTMLResponse:
        return HTMLResponse(docs_page(f"{app.title} - docs", app.openapi_url or "/openapi.json"))
