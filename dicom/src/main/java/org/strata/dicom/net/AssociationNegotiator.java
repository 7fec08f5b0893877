package org.strata.dicom.net;

/** Decides, on the acceptor side, how to answer an A-ASSOCIATE-RQ. */
public interface AssociationNegotiator {

    /**
     * Returns the A-ASSOCIATE-AC to send, or throws to send the given A-ASSOCIATE-RJ.
     *
     * @param request the decoded request
     * @param peer the peer's address, for logs and policies
     */
    AssociateAccept negotiate(AssociateRequest request, String peer) throws AssociationRejectedException;

    /** The handler of messages of an association this negotiator accepted. */
    MessageHandler handlerFor(Association association);
}
