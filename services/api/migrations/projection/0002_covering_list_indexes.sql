-- Case list pages: the filter columns ride in the sort indexes, so that a page's case ids
-- come from an index-only scan (filters checked in the index), and only the page's rows
-- are read from the table (see cases/sql.py, list_query).
DROP INDEX cases_updated;
DROP INDEX cases_opened;
DROP INDEX cases_district_updated;
DROP INDEX cases_status_updated;
CREATE INDEX cases_updated ON cases (updated_at DESC, case_id DESC)
    INCLUDE (status, tier, category, urgency, regency_code, district_code, village_code,
             assignee_id, opened_at, due_at);
CREATE INDEX cases_opened ON cases (opened_at DESC, case_id DESC)
    INCLUDE (status, tier, category, urgency, regency_code, district_code, village_code,
             assignee_id, updated_at, due_at);
CREATE INDEX cases_district_updated ON cases (district_code, updated_at DESC, case_id DESC)
    INCLUDE (status, tier, category, urgency, regency_code, village_code, assignee_id,
             opened_at, due_at);
CREATE INDEX cases_district_opened ON cases (district_code, opened_at DESC, case_id DESC)
    INCLUDE (status, tier, category, urgency, regency_code, village_code, assignee_id,
             updated_at, due_at);
