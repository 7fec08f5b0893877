package org.strata.bench.data;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/** One generated study: its identifying attributes and its files in series, then instance, order. */
public record GeneratedStudy(String studyUid, String patientId, String patientName, LocalDate studyDate,
                             List<Path> files, long bytes) {
}
