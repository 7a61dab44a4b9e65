"""SQL text for reading cases (pure), with the caller's area scope inside every WHERE clause.
`store.py` runs it."""

from __future__ import annotations

from typing import Any

from services.api.access.masking import searches_texts
from services.api.access.roles import Principal
from services.api.access.scope import scope_condition
from services.api.cases.listing import CaseFilters, CaseSort, Cursor
from services.api.cases.reference_search import reference_candidates
from services.api.where import Where, one_of

OVERDUE = (
    "(c.due_at IS NOT NULL AND c.due_at < now() AND c.status IN ('open', 'awaiting_village'))"
)

SUMMARY_COLUMNS = f"""c.case_id, c.reference, c.version, c.status, c.tier, c.assignee_id,
    c.assignee_name, c.regency_code, c.district_code, c.village_code, c.category, c.urgency,
    c.emergency, c.about_officer_id, c.confidential, c.opened_at, c.updated_at,
    c.acknowledged_at, c.resolved_at, c.due_at, c.escalations, c.rating, c.summary,
    (c.snapshot -> 'reporter')::text AS reporter,
    {OVERDUE} AS overdue"""

# The case's timeline and notifications come in the same round trip, as JSON arrays.
TIMELINE_JSON = """(SELECT coalesce(json_agg(json_build_object(
        'version', t.version, 'seq', t.seq, 'kind', t.kind, 'occurred_at', t.occurred_at,
        'entry', t.entry) ORDER BY t.version), '[]')
    FROM case_timeline t WHERE t.case_id = c.case_id)::text"""

NOTIFICATIONS_JSON = """(SELECT coalesce(json_agg(json_build_object(
        'notification_id', n.notification_id, 'kind', n.kind, 'status', n.status,
        'recipient_kind', n.recipient_kind, 'used_template', n.used_template,
        'error_code', n.error_code, 'error_details', n.error_details,
        'first_at', n.first_at, 'status_at', n.status_at)
        ORDER BY n.first_at, n.notification_id), '[]')
    FROM notifications n WHERE n.case_id = c.case_id)::text"""


def _any(where: Where, column: str, values: tuple[Any, ...]) -> None:
    if values:
        where.add(one_of(where, f"c.{column}", values))


def filtered(principal: Principal, filters: CaseFilters) -> Where:
    where = Where()
    where.add(scope_condition(where, principal))
    _any(where, "status", filters.statuses)
    _any(where, "tier", filters.tiers)
    _any(where, "category", filters.categories)
    _any(where, "urgency", filters.urgencies)
    _any(where, "district_code", filters.districts)
    _any(where, "village_code", filters.villages)
    if filters.assignee:
        where.add(f"c.assignee_id = {where.param(filters.assignee)}")
    for column, op, value in (
        ("opened_at", ">=", filters.opened_from),
        ("opened_at", "<", filters.opened_to),
        ("updated_at", ">=", filters.updated_from),
        ("updated_at", "<", filters.updated_to),
    ):
        if value is not None:
            where.add(f"c.{column} {op} {where.param(value)}")
    if filters.overdue is not None:
        where.add(OVERDUE if filters.overdue else f"NOT {OVERDUE}")
    if filters.text:
        where.add(_text_search(where, principal, filters.text))
    return where


def _text_search(where: Where, principal: Principal, text: str) -> str:
    """A reference typed any way, or words of the case texts (only for a caller who may
    read them: `searches_texts`)."""
    references = reference_candidates(text)
    by_reference = one_of(where, "c.reference", references) if references else "FALSE"
    if not searches_texts(principal):
        return by_reference
    words = f"c.search @@ websearch_to_tsquery('simple', {where.param(text)})"
    return f"({by_reference} OR {words})" if references else words


def list_query(
    principal: Principal, filters: CaseFilters, sort: CaseSort, limit: int, cursor: Cursor | None
) -> tuple[str, list[Any]]:
    """One page (limit + 1 rows, to know whether there is a next one)."""
    where = filtered(principal, filters)
    col = sort.column
    direction, op = ("DESC", "<") if sort.descending else ("ASC", ">")
    if cursor is not None:
        after = f"({where.param(cursor.value)}, {where.param(cursor.case_id)})"
        where.add(f"(c.{col}, c.case_id) {op} {after}")
    # The page's ids first (an index-only scan when the filters are index columns), then
    # only those rows from the table.
    page = (
        f"SELECT c.case_id, c.{col} FROM cases c WHERE {where.clause()} "  # noqa: S608
        f"ORDER BY c.{col} {direction}, c.case_id {direction} LIMIT {where.param(limit + 1)}"
    )
    text = (
        f"SELECT {SUMMARY_COLUMNS} FROM ({page}) p JOIN cases c ON c.case_id = p.case_id "  # noqa: S608
        f"ORDER BY p.{col} {direction}, p.case_id {direction}"
    )
    return text, where.params


def export_query(
    principal: Principal, filters: CaseFilters, sort: CaseSort, max_rows: int
) -> tuple[str, list[Any]]:
    where = filtered(principal, filters)
    direction = "DESC" if sort.descending else "ASC"
    text = (
        f"SELECT {SUMMARY_COLUMNS}, c.snapshot ->> 'resolution_note' AS resolution_note "  # noqa: S608
        f"FROM cases c WHERE {where.clause()} "
        f"ORDER BY c.{sort.column} {direction}, c.case_id {direction} "
        f"LIMIT {where.param(max_rows)}"
    )
    return text, where.params


def _one_case(principal: Principal, case_id: str) -> Where:
    where = Where()
    where.add(f"c.case_id = {where.param(case_id)}")
    where.add(scope_condition(where, principal))
    return where


def _case_or_reference(principal: Principal, key: str) -> tuple[Where, str]:
    """The case whose id is `key`, or else the newest one whose reference `key` names
    (references repeat only after the input topic was recreated): (where, ORDER BY)."""
    references = reference_candidates(key)
    if not references:
        return _one_case(principal, key), ""
    where = Where()
    by_id = f"c.case_id = {where.param(key)}"
    where.add(f"({by_id} OR {one_of(where, 'c.reference', references)})")
    where.add(scope_condition(where, principal))
    return where, f" ORDER BY ({by_id}) DESC, c.opened_at DESC LIMIT 1"


def one_case_query(principal: Principal, key: str) -> tuple[str, list[Any]]:
    """The case with its timeline and notifications, if the caller may see it, by its id
    or its reference."""
    where, order = _case_or_reference(principal, key)
    text = (
        f"SELECT {SUMMARY_COLUMNS}, c.reporter_key, c.snapshot::text AS snapshot, "  # noqa: S608
        f"{TIMELINE_JSON} AS timeline, {NOTIFICATIONS_JSON} AS notifications "
        f"FROM cases c WHERE {where.clause()}{order}"
    )
    return text, where.params


def case_keys_query(principal: Principal, case_id: str) -> tuple[str, list[Any]]:
    """What a command about the case needs (its reporter, areas and who may handle it), if
    the caller may see it."""
    where = _one_case(principal, case_id)
    text = (
        "SELECT c.reporter_key, c.regency_code, c.district_code, c.village_code, "  # noqa: S608
        "c.about_officer_id, c.confidential, c.category, "
        "(c.snapshot -> 'visible_to_tiers')::text AS visible_to_tiers "
        f"FROM cases c WHERE {where.clause()}"
    )
    return text, where.params
