package org.strata.dicom.dimse;

import java.io.IOException;

/**
 * Performs DIMSE requests of the SOP classes it is registered for (see {@link DimseServices}). Must send exactly
 * one final response through the request (after any number of pending ones); an exception is answered with a
 * processing-failure status carrying its message as error comment.
 */
@FunctionalInterface
public interface DimseService {
    void onRequest(DimseRequest request) throws IOException;
}
