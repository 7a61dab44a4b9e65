"""Sealed secrets open only with the key and for the message they were sealed for."""

from __future__ import annotations

import pytest

from servicekit.sealed_params import SealBroken, open_sealed, seal
from servicekit.settings import SealingSettings


def test_a_sealed_code_opens_with_the_key_for_its_message_and_shows_nothing_of_the_code() -> None:
    token = seal("482913", "k" * 40, bound_to="otp:bhb-1:abc")
    assert "482913" not in token
    assert open_sealed(token, "k" * 40, bound_to="otp:bhb-1:abc") == "482913"
    assert seal("482913", "k" * 40, bound_to="otp:bhb-1:abc") != token  # a fresh nonce


@pytest.mark.parametrize(
    ("secret", "bound_to"),
    [("another-key-entirely-0123456789", "otp:bhb-1:abc"), ("k" * 40, "otp:bhb-2:abc")],
)
def test_another_key_or_another_message_cannot_open_it(secret: str, bound_to: str) -> None:
    token = seal("482913", "k" * 40, bound_to="otp:bhb-1:abc")
    with pytest.raises(SealBroken):
        open_sealed(token, secret, bound_to=bound_to)


def test_a_changed_or_foreign_value_is_refused() -> None:
    token = seal("482913", "k" * 40, bound_to="m")
    tampered = token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB")
    for bad in (tampered, "482913", "v1.", "v2." + token[3:]):
        with pytest.raises(SealBroken):
            open_sealed(bad, "k" * 40, bound_to="m")


def test_production_refuses_the_development_sealing_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MATUR_ENV", "production")
    monkeypatch.setenv("DATABASE_URL", "postgresql://matur:Zq8-long-real-password@db/matur")
    with pytest.raises(ValueError, match="sealing_key"):
        SealingSettings()
    monkeypatch.setenv("MATUR_SEALING_KEY", "9f1c2e7a4b8d0f3e6a5c7b9d1e2f4a6c")
    assert SealingSettings().sealing_key.get_secret_value().startswith("9f1c")
