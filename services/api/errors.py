"""Error bodies and the responses every route documents."""

from __future__ import annotations

from typing import Any

from fastapi import HTTPException
from pydantic import BaseModel


class ErrorOut(BaseModel):
    detail: str


COMMON_RESPONSES: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorOut, "description": "No valid bearer token"},
    403: {"model": ErrorOut, "description": "The role may not do this"},
    429: {"model": ErrorOut, "description": "Too many requests (see Retry-After)"},
}
NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorOut, "description": "Not found in the caller's areas"}
}


def invalid(field: str, message: str, where: str = "query") -> HTTPException:
    """A 422 shaped like FastAPI's own validation errors."""
    return HTTPException(
        status_code=422, detail=[{"loc": [where, field], "msg": message, "type": "value_error"}]
    )
