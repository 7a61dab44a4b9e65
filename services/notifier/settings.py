"""Settings of the notifier service (environment variables)."""

from __future__ import annotations

from pydantic import Field

from servicekit.settings import CommonSettings


class NotifierSettings(CommonSettings):
    host: str = Field(default="127.0.0.1", validation_alias="NOTIFIER_HOST")
    port: int = Field(default=8002, validation_alias="NOTIFIER_PORT")
