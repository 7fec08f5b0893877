package org.strata.bench.systems;

/**
 * SQL (PostgreSQL) that adds {@code studies} synthetic studies of 2 series x 100 instances to Strata's index
 * tables (schema of persistence's migrations V1-V2), one patient per study. UIDs are 2.25 UIDs from a fixed
 * prefix, the parent's key and a fixed-width position, so a fill is the same every run.
 */
final class IndexFill {
    private IndexFill() {
    }

    static String sql(long studies) {
        return """
                INSERT INTO patient (patient_id, patient_name, patient_name_match, birth_date, sex, created_at, updated_at)
                  SELECT 'FILL-' || g, 'FILL^P' || g, 'FILL^P' || g, '19700101', 'O', now(), now()
                  FROM generate_series(1, %1$d) g;
                INSERT INTO study (patient_fk, study_iuid, study_id, study_date, study_time, accession_number,
                                   study_description, created_at, updated_at)
                  SELECT p.pk, '2.25.7' || p.pk, 'F' || p.pk, to_char(date '2000-01-01' + (p.pk %% 3650)::int, 'YYYYMMDD'),
                         '120000', 'F' || p.pk, 'bulk fill', now(), now()
                  FROM patient p WHERE p.patient_id LIKE 'FILL-%%';
                INSERT INTO series (study_fk, series_iuid, series_number, modality, series_description, created_at, updated_at)
                  SELECT s.pk, '2.25.8' || s.pk || n, n, 'MR', 'bulk fill', now(), now()
                  FROM study s CROSS JOIN generate_series(1, 2) n WHERE s.study_description = 'bulk fill';
                INSERT INTO instance (series_fk, sop_iuid, sop_cuid, instance_number, transfer_syntax, storage_id,
                                      storage_path, size_bytes, sha256, received_at)
                  SELECT r.pk, '2.25.9' || r.pk || lpad(n::text, 3, '0'), '1.2.840.10008.5.1.4.1.1.4', n, '1.2.840.10008.1.2.1', 'hot',
                         'bulk-fill/none', 0, repeat('0', 64), now()
                  FROM series r CROSS JOIN generate_series(1, 100) n WHERE r.series_description = 'bulk fill';
                ANALYZE;
                """.formatted(studies);
    }
}
