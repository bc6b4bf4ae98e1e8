-- Special days set by the bureau (closed, or open with its own windows) for the service-hours calendar.
-- Public holidays and make-up working days are not here: they ship as year files (bot/.../calendar/cn-YYYY.yml).
-- Every node polls special_day_revision and reloads when the number moves. Runs unchanged on H2 and PostgreSQL.

CREATE TABLE special_day (
    service_date DATE         NOT NULL,
    skill_group  VARCHAR(64)  NOT NULL,  -- '*' = every group (groups with shared-special-days: false skip these)
    windows      VARCHAR(400) NOT NULL,  -- '' = closed all day, else "08:30-12:00,13:30-17:30"
    note         VARCHAR(800) NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT special_day_pk PRIMARY KEY (service_date, skill_group)
);

-- one row; every change adds one in the same transaction
CREATE TABLE special_day_revision (
    revision_key INTEGER PRIMARY KEY,
    rev          BIGINT  NOT NULL
);
INSERT INTO special_day_revision (revision_key, rev) VALUES (1, 0);
