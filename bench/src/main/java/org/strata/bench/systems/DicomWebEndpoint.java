package org.strata.bench.systems;

import java.util.Optional;
import java.util.function.Supplier;

/** A DICOMweb base URL (e.g. http://127.0.0.1:8080/dicom-web) and, if it needs one, an Authorization header value. */
public record DicomWebEndpoint(String baseUrl, Supplier<Optional<String>> authorization) {
}
