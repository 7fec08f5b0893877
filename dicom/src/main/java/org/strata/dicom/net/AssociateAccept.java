package org.strata.dicom.net;

/** A-ASSOCIATE-AC parameters. */
public final class AssociateAccept extends AssociateParameters {
    private byte[] userIdentityServerResponse;

    /** The server response of user identity negotiation, or null when none is sent. */
    public byte[] userIdentityServerResponse() {
        return userIdentityServerResponse == null ? null : userIdentityServerResponse.clone();
    }

    public void setUserIdentityServerResponse(byte[] response) {
        this.userIdentityServerResponse = response == null ? null : response.clone();
    }

    @Override
    public String toString() {
        return "A-ASSOCIATE-AC[" + callingAeTitle() + " -> " + calledAeTitle() + ", maxPdu=" + maxPduLength() + "]";
    }
}
