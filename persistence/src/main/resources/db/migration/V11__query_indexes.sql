-- Queries read, per series, the count and the first and last keys of its instances (the counts of QIDO-RS and C-FIND,
-- the first stored header copy): with the key in the series index, that is read from the index alone.
-- Portable SQL: runs unchanged on H2 and PostgreSQL.

CREATE INDEX instance_series_pk_idx ON instance (series_fk, pk);
DROP INDEX instance_series_idx;
