-- Finding a case by the reference a citizen quotes (GET /cases?q=BJN-..., GET /cases/BJN-...).
CREATE INDEX cases_reference ON cases (reference);
