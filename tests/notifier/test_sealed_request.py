"""The notifier opens a sign-in code sealed for its request, and nothing else."""

from __future__ import annotations

import pytest

from contracts.notifications import NotificationKind, NotificationRequest, Recipient, RecipientKind
from servicekit.sealed_params import SealBroken, seal
from services.notifier.catalogue import render
from services.notifier.catalogue.templates import TemplateNames
from services.notifier.sealed_request import opened

KEY = "a-test-sealing-key-of-some-length"


def sign_in(message_id: str, params: dict[str, object]) -> NotificationRequest:
    return NotificationRequest(
        message_id=message_id,
        kind=NotificationKind.SIGN_IN_CODE,
        recipient=Recipient(kind=RecipientKind.OFFICER, key="bhb-1", wa_id="6281100000001"),
        line_phone_number_id="103522000000000",
        params=params,
    )


def test_the_officer_reads_the_code_that_travelled_sealed() -> None:
    req = sign_in("otp:bhb-1:x", {"sealed_code": seal("482913", KEY, bound_to="otp:bhb-1:x")})
    assert "482913" not in req.model_dump_json()
    body = render(opened(req, KEY), use_template=False, names=TemplateNames())
    assert "482913" in str(body)


def test_a_code_sealed_for_another_request_or_key_is_not_opened() -> None:
    moved = sign_in("otp:bhb-1:y", {"sealed_code": seal("482913", KEY, bound_to="otp:bhb-1:x")})
    with pytest.raises(SealBroken):
        opened(moved, KEY)
    own = sign_in("otp:bhb-1:x", {"sealed_code": seal("482913", KEY, bound_to="otp:bhb-1:x")})
    with pytest.raises(SealBroken):
        opened(own, "another-key-entirely-0123456789")


def test_a_request_without_sealed_parameters_is_left_as_it_is() -> None:
    req = sign_in("otp:bhb-1:z", {"code": "1"})
    assert opened(req, KEY) is req
