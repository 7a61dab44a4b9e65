"""The Graph API endpoints the sandbox serves: `/{version}/{phone_number_id}/messages` and
the media URL lookup `/{version}/{media_id}`."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from services.sandbox.control_routes import graph_error
from services.sandbox.graph_errors import GraphError
from services.sandbox.graph_sends import handle_send
from services.sandbox.state import Sandbox


def graph_router(sandbox: Sandbox) -> APIRouter:
    router = APIRouter(tags=["graph api"])

    @router.post("/{version}/{phone_number_id}/messages")
    async def messages(version: str, phone_number_id: str, request: Request) -> JSONResponse:
        status, response = await handle_send(
            sandbox, version, phone_number_id, await request.body(), request
        )
        return JSONResponse(response, status_code=status)

    @router.get("/{version}/{media_id}")
    async def media_url(version: str, media_id: str, request: Request) -> JSONResponse:
        try:
            sandbox.check_token(request)
            media = sandbox.media.get(media_id)
            if media is None:
                raise GraphError(
                    100, message=(
                        f"Unsupported get request. Object with ID '{media_id}' does not "
                        "exist, cannot be loaded due to missing permissions, or does not "
                        "support this operation."
                    ),
                )
        except GraphError as error:
            return graph_error(error)
        return JSONResponse({
            "url": f"{str(request.base_url).rstrip('/')}/sandbox/media/{media.id}",
            "mime_type": media.mime_type,
            "sha256": media.sha256,
            "file_size": len(media.data),
            "id": media.id,
            "messaging_product": "whatsapp",
        })

    return router
