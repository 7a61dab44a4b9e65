"""MATUR_ENV=production refuses the development secrets (servicekit.settings), so that a
deployment never runs on the repository's own passwords; nothing changes in development."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from servicekit.settings import Environment, development_secret
from services.api.settings import ApiSettings

DEV_DSNS = (
    "postgresql://matur@127.0.0.1:5432/matur",  # the default
    "postgresql://matur:matur@postgres:5432/matur",  # deploy/compose.yaml
    "postgresql://api:changeme@db:5432/matur",
)


@pytest.mark.parametrize("dsn", DEV_DSNS)
def test_production_refuses_a_development_database_url(dsn: str) -> None:
    with pytest.raises(ValidationError, match="database_url") as refused:
        ApiSettings(MATUR_ENV="production", DATABASE_URL=dsn)
    assert "matur:matur" not in str(refused.value)  # the refusal never shows the secret


def test_production_accepts_real_secrets_and_development_accepts_anything() -> None:
    real = "postgresql://api:Vq7-unguessable-41x@db.polres.internal:5432/matur"
    key = "b3f0c9e2a71d4e58a6c1f7d09e2b4c68"
    settings = ApiSettings(MATUR_ENV="production", DATABASE_URL=real, MATUR_SEALING_KEY=key)
    assert settings.environment is Environment.PRODUCTION
    with pytest.raises(ValidationError, match="sealing_key"):  # the sign-in codes' key too
        ApiSettings(MATUR_ENV="production", DATABASE_URL=real)
    assert ApiSettings(DATABASE_URL=DEV_DSNS[1]).environment is Environment.DEVELOPMENT


def test_what_counts_as_a_development_secret() -> None:
    assert development_secret("matur-dev-app-secret")
    assert development_secret("", None) and development_secret("x", default="x")
    assert development_secret("postgresql://u:password@h/db")
    assert not development_secret("postgresql://u:N0t-a-dev-one@h/db")
    assert not development_secret("postgresql://u@h/db")  # no password: judged by the rest
