package org.strata.jca.dicom.api;

import java.io.Serializable;

/**
 * What the DICOM listener of the resource adapter is doing right now.
 *
 * @param aeTitle   the AE title the listener answers to
 * @param host      the address it binds
 * @param port      the TCP port it binds
 * @param listening whether the port is open and accepting
 * @param problem   why it is not listening, or {@code null}
 */
public record DicomListenerState(String aeTitle, String host, int port, boolean listening, String problem)
        implements Serializable {
}
