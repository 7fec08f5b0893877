package org.strata.bench.data;

import java.nio.file.Path;
import java.util.List;

/** What {@link DataSetGenerator} wrote: the folder, the shape and every study. */
public record GeneratedDataSet(Path folder, DataSetShape shape, List<GeneratedStudy> studies) {
    public List<Path> files() {
        return studies.stream().flatMap(s -> s.files().stream()).toList();
    }

    public long bytes() {
        return studies.stream().mapToLong(GeneratedStudy::bytes).sum();
    }
}
