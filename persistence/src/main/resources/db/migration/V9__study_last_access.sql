-- When a study was last read (C-GET, C-MOVE, WADO-RS, WADO-URI; not searches or metadata), kept to within an hour:
-- with strata.lifecycle.age-basis=accessed a study's age counts from the later of its last receipt and this.
-- Null until the first read. Portable SQL: runs unchanged on H2 and PostgreSQL.

ALTER TABLE study ADD COLUMN last_accessed_at TIMESTAMP;
