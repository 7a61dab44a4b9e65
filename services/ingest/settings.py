"""Settings of the ingest service (environment variables)."""

from __future__ import annotations

from pydantic import Field

from servicekit.settings import CommonSettings


class IngestSettings(CommonSettings):
    host: str = Field(default="127.0.0.1", validation_alias="INGEST_HOST")
    port: int = Field(default=8001, validation_alias="INGEST_PORT")
