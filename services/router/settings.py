"""Settings of the router service (environment variables)."""

from __future__ import annotations

from pydantic import Field

from servicekit.settings import CommonSettings


class RouterSettings(CommonSettings):
    host: str = Field(default="127.0.0.1", validation_alias="ROUTER_HOST")
    port: int = Field(default=8003, validation_alias="ROUTER_PORT")
