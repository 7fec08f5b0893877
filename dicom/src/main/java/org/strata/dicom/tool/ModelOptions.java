package org.strata.dicom.tool;

import java.util.Set;
import org.strata.dicom.json.BulkDataPolicy;

/** The options {@code tojson} and {@code toxml} share: output file, layout and bulk data handling. */
final class ModelOptions {

    static final Set<String> VALUED = Set.of("-o", "--bulk-data-uri", "--bulk-data-threshold");
    static final Set<String> FLAGS = Set.of("--compact");
    static final String HELP = """
              -o FILE                  write to FILE instead of standard output
              --compact                no line breaks
              --bulk-data-uri PREFIX   binary values longer than the threshold become URIs PREFIX/PATH,
                                       PATH being the element's tag path (e.g. 7FE00010); default: all inline
              --bulk-data-threshold N  bytes above which a binary value becomes a URI (default 1024)
            Exit codes: 0 ok, 2 wrong usage or unreadable file.
            """;

    private ModelOptions() {
    }

    static BulkDataPolicy bulkData(Arguments arguments) throws UsageException {
        String prefix = arguments.option("--bulk-data-uri", null);
        long threshold = arguments.longOption("--bulk-data-threshold", 1024, 0);
        if (prefix == null) {
            return BulkDataPolicy.INLINE;
        }
        String base = prefix.endsWith("/") ? prefix : prefix + "/";
        return BulkDataPolicy.uris(threshold, (path, vr) -> base + path);
    }
}
