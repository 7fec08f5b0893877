-- C-FIND: patient names matched without regard to case use an upper-cased copy, so the match can use an index.
-- Portable SQL: runs unchanged on H2 and PostgreSQL.

ALTER TABLE patient ADD COLUMN patient_name_match VARCHAR(324);
UPDATE patient SET patient_name_match = UPPER(patient_name);
CREATE INDEX patient_name_match_idx ON patient (patient_name_match);
