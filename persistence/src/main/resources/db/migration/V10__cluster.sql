-- Several nodes on one database: which node runs a lifecycle or scrub run, the claim that lets only one run of a
-- kind start at a time across the cluster, and the claims that keep two nodes from moving one study at once.
-- Portable SQL: runs unchanged on H2 and PostgreSQL.

ALTER TABLE lifecycle_run ADD COLUMN node_name VARCHAR(64);
ALTER TABLE lifecycle_run ADD COLUMN heartbeat_at TIMESTAMP;

-- One row per kind of run, locked (SELECT ... FOR UPDATE) by whoever starts a run of that kind.
CREATE TABLE run_claim (
    kind            VARCHAR(16) PRIMARY KEY,
    last_scheduled  TIMESTAMP
);
INSERT INTO run_claim (kind) VALUES ('MOVE');
INSERT INTO run_claim (kind) VALUES ('SCRUB');

-- A study being moved between tiers, by which node, since when.
CREATE TABLE study_move_claim (
    study_fk    BIGINT PRIMARY KEY,
    node_name   VARCHAR(64) NOT NULL,
    token       VARCHAR(36) NOT NULL,
    claimed_at  TIMESTAMP NOT NULL
);
