package org.strata.bench;

import java.time.format.DateTimeFormatter;

import org.strata.bench.Metrics.QueryShape;
import org.strata.bench.data.GeneratedDataSet;
import org.strata.bench.data.GeneratedStudy;

/** The query string of each QIDO-RS shape for a generated data set; each matches known studies of it. */
final class QueryShapes {
    private QueryShapes() {
    }

    static String query(QueryShape shape, GeneratedDataSet data) {
        GeneratedStudy middle = data.studies().get(data.studies().size() / 2);
        GeneratedStudy first = data.studies().get(0);
        GeneratedStudy fifth = data.studies().get(Math.min(4, data.studies().size() - 1));
        return switch (shape.id()) {
            case "patient-id" -> "PatientID=" + middle.patientId();
            // The first 10 patients (BENCH^P0000..BENCH^P0009); '^' is percent-encoded.
            case "patient-name" -> "PatientName=BENCH%5EP000*";
            case "study-date" -> "StudyDate=" + first.studyDate().format(DateTimeFormatter.BASIC_ISO_DATE) + "-"
                    + fifth.studyDate().format(DateTimeFormatter.BASIC_ISO_DATE);
            case "modalities" -> "ModalitiesInStudy=CT";
            case "all-limit" -> "limit=100";
            default -> throw new IllegalArgumentException("unknown query shape " + shape.id());
        };
    }
}
