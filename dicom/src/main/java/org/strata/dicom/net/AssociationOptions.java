package org.strata.dicom.net;

/** Timeouts and socket settings of an association (both sides). Mutable; copy per use if shared. */
public final class AssociationOptions {
    private int artimTimeoutMillis = 10_000;
    private int idleTimeoutMillis = 60_000;
    private int connectTimeoutMillis = 10_000;
    private int socketBufferSize = 1 << 20;
    private int maxSendPduLength = 1 << 18;

    /** ARTIM: how long to wait for A-ASSOCIATE-RQ/AC/RJ, A-RELEASE-RP and for transport close. */
    public int artimTimeoutMillis() {
        return artimTimeoutMillis;
    }

    public AssociationOptions artimTimeoutMillis(int millis) {
        this.artimTimeoutMillis = positive(millis);
        return this;
    }

    /** Abort the association after this long without any PDU in either direction; 0 disables. */
    public int idleTimeoutMillis() {
        return idleTimeoutMillis;
    }

    public AssociationOptions idleTimeoutMillis(int millis) {
        this.idleTimeoutMillis = Math.max(0, millis);
        return this;
    }

    public int connectTimeoutMillis() {
        return connectTimeoutMillis;
    }

    public AssociationOptions connectTimeoutMillis(int millis) {
        this.connectTimeoutMillis = positive(millis);
        return this;
    }

    /** Socket send and receive buffer size asked of the OS. */
    public int socketBufferSize() {
        return socketBufferSize;
    }

    public AssociationOptions socketBufferSize(int bytes) {
        this.socketBufferSize = positive(bytes);
        return this;
    }

    /** Largest P-DATA-TF PDU we send when the peer announced "unlimited" (or more than this). */
    public int maxSendPduLength() {
        return maxSendPduLength;
    }

    public AssociationOptions maxSendPduLength(int bytes) {
        if (bytes < 64) {
            throw new IllegalArgumentException("max send PDU length too small: " + bytes);
        }
        this.maxSendPduLength = bytes;
        return this;
    }

    public AssociationOptions copy() {
        AssociationOptions c = new AssociationOptions();
        c.artimTimeoutMillis = artimTimeoutMillis;
        c.idleTimeoutMillis = idleTimeoutMillis;
        c.connectTimeoutMillis = connectTimeoutMillis;
        c.socketBufferSize = socketBufferSize;
        c.maxSendPduLength = maxSendPduLength;
        return c;
    }

    private static int positive(int v) {
        if (v <= 0) {
            throw new IllegalArgumentException("must be positive: " + v);
        }
        return v;
    }
}
