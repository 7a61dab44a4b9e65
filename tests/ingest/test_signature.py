"""X-Hub-Signature-256 over the raw body, and the verify-token comparison."""

from __future__ import annotations

import hashlib
import hmac

from services.ingest.signature import (
    SignatureCheck,
    check_signature,
    sign,
    verify_token_matches,
)

BODY = b'{"object":"whatsapp_business_account","entry":[{"x":"caf\\u00e9 \\ud83d\\ude00 a\\/b"}]}'
SECRETS = ["current-secret", "previous-secret"]


def test_sign_is_meta_format() -> None:
    expected = hmac.new(b"current-secret", BODY, hashlib.sha256).hexdigest()
    assert sign(BODY, "current-secret") == "sha256=" + expected


def test_valid_with_current_and_previous_secret() -> None:
    assert check_signature(BODY, sign(BODY, "current-secret"), SECRETS) is SignatureCheck.VALID
    assert check_signature(BODY, sign(BODY, "previous-secret"), SECRETS) is SignatureCheck.VALID


def test_uppercase_hex_is_accepted() -> None:
    header = "sha256=" + sign(BODY, "current-secret").removeprefix("sha256=").upper()
    assert check_signature(BODY, header, SECRETS) is SignatureCheck.VALID


def test_missing_or_empty_header() -> None:
    assert check_signature(BODY, None, SECRETS) is SignatureCheck.MISSING
    assert check_signature(BODY, "  ", SECRETS) is SignatureCheck.MISSING


def test_retired_secret_forged_or_malformed_header_mismatch() -> None:
    assert check_signature(BODY, sign(BODY, "retired"), SECRETS) is SignatureCheck.MISMATCH
    assert check_signature(BODY, "sha256=" + "0" * 64, SECRETS) is SignatureCheck.MISMATCH
    sha1 = "sha1=" + hmac.new(b"current-secret", BODY, hashlib.sha1).hexdigest()
    assert check_signature(BODY, sha1, SECRETS) is SignatureCheck.MISMATCH


def test_one_byte_changed_after_signing_is_refused() -> None:
    header = sign(BODY, "current-secret")
    changed = BODY.replace(b"a\\/b", b"a/b")  # same JSON value, different bytes
    assert check_signature(changed, header, SECRETS) is SignatureCheck.MISMATCH


def test_verify_token() -> None:
    assert verify_token_matches("tok", "tok")
    assert not verify_token_matches("tok2", "tok")
    assert not verify_token_matches(None, "tok")
    assert not verify_token_matches("", "tok")
