package org.strata.dicom.net;

/** Hook for the acceptor to accept or reject a user identity (username, passcode, Kerberos, SAML, JWT). */
@FunctionalInterface
public interface UserIdentityVerifier {

    /**
     * Returns the server response to send back when the requestor asked for a positive response (may be an
     * empty array), or throws to reject the association.
     */
    byte[] verify(UserIdentity identity, AssociateRequest request) throws AssociationRejectedException;
}
