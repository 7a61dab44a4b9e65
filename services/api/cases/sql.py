"""SQL for reading cases, with the caller's area scope inside every WHERE clause."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from services.api.access.roles import Principal, split_scope
from services.api.cases.listing import CaseFilters, CaseSort, Cursor

OVERDUE = (
    "(c.due_at IS NOT NULL AND c.due_at < now() AND c.status IN ('open', 'awaiting_village'))"
)

SUMMARY_COLUMNS = """c.case_id, c.reference, c.version, c.status, c.tier, c.assignee_id,
    c.assignee_name, c.regency_code, c.district_code, c.village_code, c.category, c.urgency,
    c.emergency, c.about_officer_id, c.confidential, c.opened_at, c.updated_at,
    c.acknowledged_at, c.resolved_at, c.due_at, c.escalations, c.rating, c.summary,
    (c.snapshot -> 'reporter')::text AS reporter,
    (c.due_at IS NOT NULL AND c.due_at < now() AND c.status IN ('open', 'awaiting_village'))
        AS overdue"""


@dataclass
class Sql:
    """A WHERE clause under construction with numbered parameters."""

    params: list[Any] = field(default_factory=list)
    where: list[str] = field(default_factory=list)

    def param(self, value: Any) -> str:
        self.params.append(value)
        return f"${len(self.params)}"

    def clause(self) -> str:
        return " AND ".join(self.where) if self.where else "TRUE"


def one_of(sql: Sql, column: str, values: tuple[Any, ...] | list[Any]) -> str:
    """`column = $n` for one value (the planner can then walk an index in order),
    `column = ANY($n)` for several."""
    texts = [str(v) for v in values]
    if len(texts) == 1:
        return f"{column} = {sql.param(texts[0])}"
    return f"{column} = ANY({sql.param(texts)}::text[])"


def scope_condition(
    sql: Sql, principal: Principal, alias: str = "c", about_officer: str | None = None
) -> str:
    """The rows of the caller's areas: FALSE for an empty scope (never everything).
    An officer never sees a complaint about himself."""
    s = split_scope(principal.scope)
    parts = []
    if s.regencies:
        parts.append(one_of(sql, f"{alias}.regency_code", s.regencies))
    if s.districts:
        parts.append(one_of(sql, f"{alias}.district_code", s.districts))
    if s.villages:
        parts.append(one_of(sql, f"{alias}.village_code", s.villages))
    if not parts:
        return "FALSE"
    areas = "(" + " OR ".join(parts) + ")"
    if principal.officer_id is None:
        return areas
    column = about_officer or f"{alias}.about_officer_id"
    not_about_him = f"{column} IS DISTINCT FROM {sql.param(principal.officer_id)}"
    return f"({areas} AND {not_about_him})"


def _any(sql: Sql, column: str, values: tuple[Any, ...]) -> None:
    if values:
        sql.where.append(one_of(sql, f"c.{column}", values))


def filtered(principal: Principal, filters: CaseFilters) -> Sql:
    sql = Sql()
    sql.where.append(scope_condition(sql, principal))
    _any(sql, "status", filters.statuses)
    _any(sql, "tier", filters.tiers)
    _any(sql, "category", filters.categories)
    _any(sql, "urgency", filters.urgencies)
    _any(sql, "district_code", filters.districts)
    _any(sql, "village_code", filters.villages)
    if filters.assignee:
        sql.where.append(f"c.assignee_id = {sql.param(filters.assignee)}")
    for column, op, value in (
        ("opened_at", ">=", filters.opened_from),
        ("opened_at", "<", filters.opened_to),
        ("updated_at", ">=", filters.updated_from),
        ("updated_at", "<", filters.updated_to),
    ):
        if value is not None:
            sql.where.append(f"c.{column} {op} {sql.param(value)}")
    if filters.overdue is not None:
        cond = OVERDUE
        sql.where.append(cond if filters.overdue else f"NOT {cond}")
    if filters.text:
        sql.where.append(f"c.search @@ websearch_to_tsquery('simple', {sql.param(filters.text)})")
    return sql


def list_query(
    principal: Principal, filters: CaseFilters, sort: CaseSort, limit: int, cursor: Cursor | None
) -> tuple[str, list[Any]]:
    """One page (limit + 1 rows, to know whether there is a next one)."""
    sql = filtered(principal, filters)
    col = sort.column
    direction, op = ("DESC", "<") if sort.descending else ("ASC", ">")
    if cursor is not None:
        sql.where.append(
            f"(c.{col}, c.case_id) {op} ({sql.param(cursor.value)}, {sql.param(cursor.case_id)})"
        )
    # The page's ids first (an index-only scan when the filters are index columns), then
    # only those rows from the table.
    page = (
        f"SELECT c.case_id, c.{col} FROM cases c WHERE {sql.clause()} "  # noqa: S608
        f"ORDER BY c.{col} {direction}, c.case_id {direction} LIMIT {sql.param(limit + 1)}"
    )
    text = (
        f"SELECT {SUMMARY_COLUMNS} FROM ({page}) p JOIN cases c ON c.case_id = p.case_id "  # noqa: S608
        f"ORDER BY p.{col} {direction}, p.case_id {direction}"
    )
    return text, sql.params


def export_query(
    principal: Principal, filters: CaseFilters, sort: CaseSort, max_rows: int
) -> tuple[str, list[Any]]:
    sql = filtered(principal, filters)
    direction = "DESC" if sort.descending else "ASC"
    text = (
        f"SELECT {SUMMARY_COLUMNS} FROM cases c WHERE {sql.clause()} "  # noqa: S608
        f"ORDER BY c.{sort.column} {direction}, c.case_id {direction} LIMIT {sql.param(max_rows)}"
    )
    return text, sql.params


def one_case_query(principal: Principal, case_id: str) -> tuple[str, list[Any]]:
    sql = Sql()
    sql.where.append(f"c.case_id = {sql.param(case_id)}")
    sql.where.append(scope_condition(sql, principal))
    text = (
        f"SELECT {SUMMARY_COLUMNS}, c.reporter_key, c.snapshot::text AS snapshot, "  # noqa: S608
        f"{TIMELINE_JSON} AS timeline, {NOTIFICATIONS_JSON} AS notifications "
        f"FROM cases c WHERE {sql.clause()}"
    )
    return text, sql.params


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
