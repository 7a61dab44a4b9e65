"""A source record the router's handlers raised on, as a `RouterDeadLetter` for
`router.deadletter`: the raw key and value bytes, where it was read, and the reason
(exception type and message, with digit runs that could be phone numbers masked).

Sent and awaited like any output before the record's offset counts as handled, so a
record the router cannot handle is never dropped unseen. Pure: no Kafka, no clock.
"""

from __future__ import annotations

import base64
import logging
import re

from pydantic import ValidationError

from contracts.router_deadletter import RouterDeadLetter
from servicekit.logging_setup import redact
from services.router.cases.state import OutboxItem

log = logging.getLogger(__name__)

REASON_MAX_CHARS = 1000
# Six or more digits, maybe separated by single spaces, dashes or dots (+62 812-3456-7890).
_NUMBER = re.compile(r"\+?\d(?:[ .\-]?\d){5,}")


def reason_of(exc: BaseException) -> str:
    """The exception's type and message, never the input it was given: pydantic's
    errors without their `input_value`, long digit runs masked."""
    if isinstance(exc, ValidationError):
        details = "; ".join(
            f"{'.'.join(str(part) for part in error['loc']) or '(value)'}: {error['msg']}"
            for error in exc.errors(include_url=False, include_input=False)
        )
        text = f"{exc.error_count()} validation error(s) for {exc.title}: {details}"
    else:
        text = str(exc)
    # any long digit run (a number of any country), then the logs' own masking (wamids,
    # registered secrets)
    masked = redact(_NUMBER.sub("<number>", f"{type(exc).__name__}: {text}"))
    return masked[:REASON_MAX_CHARS]


def _base64(data: bytes | None) -> str | None:
    return None if data is None else base64.b64encode(data).decode()


def dead_letter_of(topic: str, message: object, exc: BaseException, what: str) -> OutboxItem:
    """Log that the record `message` (a Faust `Message`: topic, partition, offset, key,
    value) goes to the dead-letter `topic`, and build its dead letter. The log line carries
    the masked reason, never a traceback: pydantic's tracebacks quote the input, which is a
    citizen's words."""
    position = (message.topic, message.partition, message.offset)  # type: ignore[attr-defined]
    log.error(
        f"{what} sent to the dead-letter topic after an error",
        extra={"topic": position[0], "partition": position[1], "offset": position[2],
               "reason": reason_of(exc)},
    )
    return dead_letter(topic, position, message.key, message.value, exc)  # type: ignore[attr-defined]


def dead_letter(
    topic: str,
    source: tuple[str, int, int],
    key: bytes | None,
    value: bytes | None,
    exc: BaseException,
) -> OutboxItem:
    """The dead letter of the record at `source` (topic, partition, offset), addressed to
    the dead-letter `topic`."""
    source_topic, partition, offset = source
    position = f"dl:{source_topic}:{partition}:{offset}"
    letter = RouterDeadLetter(
        message_id=position,
        source_topic=source_topic,
        source_partition=partition,
        source_offset=offset,
        key_base64=_base64(key),
        value_base64=_base64(value),
        error_type=type(exc).__name__,
        reason=reason_of(exc),
    )
    return OutboxItem(topic=topic, key=position, value=letter.to_bytes().decode())
