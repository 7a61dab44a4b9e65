"""The errors a send's checks raise, in Meta's words: 100 for a missing or malformed
parameter, 131009 for a value outside WhatsApp's limits."""

from __future__ import annotations

from typing import Any

from services.sandbox.graph_errors import GraphError

INVALID_PARAMETER = "(#100) Invalid parameter"


def malformed(details: str) -> GraphError:
    """A parameter of the wrong type or value: 100, `(#100) Invalid parameter`."""
    return GraphError(100, details, message=INVALID_PARAMETER)


def missing(param: str) -> GraphError:
    return GraphError(100, f"The parameter {param} is required.",
                      message=f"(#100) The parameter {param} is required.")


def too_long(param: str, limit: int) -> GraphError:
    return GraphError(100, f"Param {param} must be at most {limit} characters long.",
                      message=f"(#100) Param {param} must be at most {limit} characters long.")


def invalid(details: str) -> GraphError:
    return GraphError(131009, details)


def length(value: object, what: str, limit: int, *, required: bool = True) -> None:
    if value is None and not required:
        return
    if not isinstance(value, str) or not (1 <= len(value) <= limit):
        raise invalid(f"{what} length invalid. Min length: 1, Max length: {limit}")


def json_object(body: dict[str, Any], key: str, where: str = "") -> dict[str, Any]:
    value = body.get(key)
    name = f"{where}[{key!r}]" if where else key
    if value is None:
        raise missing(name)
    if not isinstance(value, dict):
        raise GraphError(100, f"Param {name} must be a JSON object.")
    return value
