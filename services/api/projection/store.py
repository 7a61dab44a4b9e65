"""SQL of the projection: apply one event, idempotently, on a connection whose search_path
names the projection schema. Callers wrap a batch in one transaction."""

from __future__ import annotations

from contracts.case_events import CaseEvent
from contracts.notifications import NotificationEvent
from services.api.database import Conn
from services.api.projection.rows import (
    CASE_COLUMNS,
    area_codes,
    case_values,
    notification_values,
    searchable_text,
)

_INSERT_TIMELINE = """
INSERT INTO case_timeline (case_id, version, kind, message_id, occurred_at,
                           regency_code, district_code, village_code, entry, snapshot)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::jsonb)
ON CONFLICT (case_id, version) DO NOTHING
RETURNING seq
"""

_cols = ", ".join(CASE_COLUMNS)
_params = ", ".join(
    f"${i}::jsonb" if c == "snapshot" else f"${i}" for i, c in enumerate(CASE_COLUMNS, start=1)
)
_n = len(CASE_COLUMNS)
_updates = ", ".join(f"{c} = EXCLUDED.{c}" for c in CASE_COLUMNS if c != "case_id")
_UPSERT_CASE = f"""
INSERT INTO cases ({_cols}, seq, messages_text)
VALUES ({_params}, ${_n + 1}, ${_n + 2})
ON CONFLICT (case_id) DO UPDATE SET {_updates}, seq = EXCLUDED.seq,
    messages_text = CASE WHEN EXCLUDED.messages_text = '' THEN cases.messages_text
                         WHEN cases.messages_text = '' THEN EXCLUDED.messages_text
                         ELSE cases.messages_text || ' ' || EXCLUDED.messages_text END
WHERE cases.version < EXCLUDED.version
"""  # noqa: S608  (column names are constants)

_UPSERT_NOTIFICATION = """
INSERT INTO notifications (notification_id, case_id, kind, status, status_rank, recipient_kind,
                           wamid, used_template, error_code, error_details, first_at, status_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)
ON CONFLICT (notification_id) DO UPDATE SET
    status = EXCLUDED.status, status_rank = EXCLUDED.status_rank,
    case_id = COALESCE(EXCLUDED.case_id, notifications.case_id),
    wamid = COALESCE(EXCLUDED.wamid, notifications.wamid),
    used_template = EXCLUDED.used_template OR notifications.used_template,
    error_code = COALESCE(EXCLUDED.error_code, notifications.error_code),
    error_details = COALESCE(EXCLUDED.error_details, notifications.error_details),
    first_at = LEAST(notifications.first_at, EXCLUDED.first_at),
    status_at = EXCLUDED.status_at
WHERE notifications.status_rank < EXCLUDED.status_rank
"""


async def apply_case_event(
    conn: Conn, event: CaseEvent, default_regency: str
) -> int | None:
    """Project one case event; the projection sequence number it got, or None when it was
    already applied (a replay changes nothing)."""
    case = event.case
    regency, district, village = area_codes(case, default_regency)
    seq = await conn.fetchval(
        _INSERT_TIMELINE,
        case.case_id,
        case.version,
        event.kind.value,
        event.message_id,
        event.occurred_at,
        regency,
        district,
        village,
        event.entry.model_dump_json(exclude_defaults=True),
        case.model_dump_json(),
    )
    if seq is None:
        return None
    values = case_values(event, default_regency)
    await conn.execute(
        _UPSERT_CASE, *(values[c] for c in CASE_COLUMNS), seq, searchable_text(event)
    )
    return int(seq)


async def apply_notification_event(conn: Conn, event: NotificationEvent) -> None:
    v = notification_values(event)
    await conn.execute(
        _UPSERT_NOTIFICATION,
        v["notification_id"],
        v["case_id"],
        v["kind"],
        v["status"],
        v["status_rank"],
        v["recipient_kind"],
        v["wamid"],
        v["used_template"],
        v["error_code"],
        v["error_details"],
        v["status_at"],
    )


async def truncate(conn: Conn) -> None:
    await conn.execute("TRUNCATE cases, case_timeline, notifications")
