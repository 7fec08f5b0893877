package org.strata.dicom.net;

import java.util.ArrayList;
import java.util.List;

/** A-ASSOCIATE-RQ parameters. */
public final class AssociateRequest extends AssociateParameters {
    private final List<CommonExtendedNegotiation> commonExtendedNegotiations = new ArrayList<>();
    private UserIdentity userIdentity;

    /** Adds a proposed context with the next free odd id and returns it. */
    public PresentationContext addPresentationContext(String abstractSyntax, String... transferSyntaxes) {
        int id = 1 + 2 * presentationContexts().size();
        if (id > 255) {
            throw new IllegalStateException("at most 128 presentation contexts can be proposed");
        }
        PresentationContext pc = PresentationContext.proposed(id, abstractSyntax, transferSyntaxes);
        presentationContexts().add(pc);
        return pc;
    }

    /** Common extended negotiations (mutable). */
    public List<CommonExtendedNegotiation> commonExtendedNegotiations() {
        return commonExtendedNegotiations;
    }

    public UserIdentity userIdentity() {
        return userIdentity;
    }

    public void setUserIdentity(UserIdentity userIdentity) {
        this.userIdentity = userIdentity;
    }

    @Override
    public String toString() {
        return "A-ASSOCIATE-RQ[" + callingAeTitle() + " -> " + calledAeTitle() + ", "
                + presentationContexts().size() + " contexts, maxPdu=" + maxPduLength() + "]";
    }
}
