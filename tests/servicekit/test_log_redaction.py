"""Log lines carry neither phone numbers nor WhatsApp message ids that decode to one."""

from __future__ import annotations

import base64
import logging

from servicekit.logging_setup import JsonFormatter, redact

# A wamid as Meta sends it: base64 around the recipient's number.
WAMID = "wamid." + base64.b64encode(b"\x15\x02\x00\x11\x18\r6285712340001\x15\x02").decode()


def test_a_wamid_is_logged_as_a_digest_that_still_matches_itself() -> None:
    line = redact(f"notification sent wamid={WAMID}")
    assert WAMID not in line and "NjI4NTcxMjM0MDAwMQ" not in line
    assert "wamid~" in line
    assert redact(WAMID) == redact(WAMID) != redact(WAMID[:-2] + "Ag")


def test_structured_fields_are_masked_too() -> None:
    record = logging.LogRecord("n", logging.INFO, __file__, 1, "sent", None, None)
    record.wamid = WAMID
    record.to = "6285712340001"
    out = JsonFormatter("notifier").format(record)
    assert WAMID not in out and "6285712340001" not in out
