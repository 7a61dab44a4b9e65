"""Settings of the api service (environment variables)."""

from __future__ import annotations

from pydantic import Field

from servicekit.settings import CommonSettings


class ApiSettings(CommonSettings):
    host: str = Field(default="127.0.0.1", validation_alias="API_HOST")
    port: int = Field(default=8000, validation_alias="API_PORT")
