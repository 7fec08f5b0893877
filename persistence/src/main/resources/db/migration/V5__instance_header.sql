-- DICOMweb and C-FIND return attributes the index has no column for from a stored copy of each instance's header
-- (the data set without pixel data and other large binary values), written in the index transaction of the store.
-- Fuzzy person-name matching compares phonetic keys of the patient name's components, kept beside the name.
-- Portable SQL: runs unchanged on H2 and PostgreSQL.

CREATE TABLE instance_header (
    instance_fk  BIGINT NOT NULL PRIMARY KEY REFERENCES instance (pk) ON DELETE CASCADE,
    header       BYTEA NOT NULL
);

ALTER TABLE patient ADD COLUMN patient_name_fuzzy VARCHAR(400);
