package org.strata.jca.dicom.api;

import java.io.IOException;
import org.strata.dicom.dimse.DimseRequest;

/**
 * The message listener interface of the DICOM resource adapter: a message-driven bean implementing it receives
 * every DIMSE request the listener accepts (except C-ECHO, which the adapter answers), on a thread of the
 * container's WorkManager. The bean must send the final response through the request before it returns; a
 * C-STORE data set can be read from {@link DimseRequest#dataStream()} only during the call.
 */
public interface DicomRequestListener {
    void onRequest(DimseRequest request) throws IOException;
}
