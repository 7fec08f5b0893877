package org.strata.bench.systems;

/** A DICOM service on 127.0.0.1. */
public record DicomAddress(String aeTitle, int port) {
}
