package org.strata.jca.dicom.api;

/**
 * Where a remote AE listens.
 *
 * @param host its host name or address
 * @param port its TCP port
 * @param tls  whether it speaks DICOM over TLS (verified against the adapter's trust store)
 */
public record DicomPeer(String host, int port, boolean tls) {
}
