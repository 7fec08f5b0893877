package org.strata.dicom.net;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What an SCP accepts: called and calling AE titles, presentation contexts per SOP class (or class family) and
 * transfer syntax, limits, timeouts, and hooks for user identity and extended negotiation. Turns an
 * A-ASSOCIATE-RQ into the A-ASSOCIATE-AC or A-ASSOCIATE-RJ it deserves.
 */
public final class AcceptPolicy {
    /** Transfer syntax wildcard: accept the first one the requestor proposes. */
    public static final String ANY_TRANSFER_SYNTAX = "*";
    /** SOP class family of every storage SOP class (PS3.4 Annex B: UIDs under 1.2.840.10008.5.1.4.1.1). */
    public static final Predicate<String> STORAGE_CLASSES = uid -> uid.startsWith("1.2.840.10008.5.1.4.1.1.");

    private final Set<String> calledAeTitles = new HashSet<>();
    private final Set<String> callingAeTitles = new HashSet<>();
    private final Map<String, List<String>> bySopClass = new LinkedHashMap<>();
    private final List<Map.Entry<Predicate<String>, List<String>>> byFamily = new ArrayList<>();
    private int maxAssociations = 100;
    private long maxPduLength = 65536;
    private int maxOpsPerformed = 1;
    private AssociationOptions options = new AssociationOptions();
    private UserIdentityVerifier userIdentityVerifier;
    private Function<ExtendedNegotiation, ExtendedNegotiation> extendedNegotiationResponder = e -> null;

    /** AE titles we answer to; empty accepts any. */
    public AcceptPolicy calledAeTitles(String... titles) {
        calledAeTitles.addAll(List.of(titles));
        return this;
    }

    /** AE titles allowed to call us; empty accepts any. */
    public AcceptPolicy callingAeTitles(String... titles) {
        callingAeTitles.addAll(List.of(titles));
        return this;
    }

    /** Accepts a SOP class with these transfer syntaxes, in order of our preference ("*" = any proposed). */
    public AcceptPolicy accept(String sopClass, String... transferSyntaxes) {
        bySopClass.put(sopClass, List.of(transferSyntaxes));
        return this;
    }

    /** Accepts every SOP class matching {@code family} with these transfer syntaxes. */
    public AcceptPolicy acceptFamily(Predicate<String> family, String... transferSyntaxes) {
        byFamily.add(Map.entry(family, List.of(transferSyntaxes)));
        return this;
    }

    public AcceptPolicy maxAssociations(int max) {
        this.maxAssociations = max;
        return this;
    }

    public int maxAssociations() {
        return maxAssociations;
    }

    /** The maximum P-DATA-TF PDU length we receive (0 = unlimited). */
    public AcceptPolicy maxPduLength(long max) {
        this.maxPduLength = max;
        return this;
    }

    /** How many operations we perform concurrently per association at most (0 = unlimited). */
    public AcceptPolicy maxOpsPerformed(int max) {
        this.maxOpsPerformed = max;
        return this;
    }

    public AcceptPolicy options(AssociationOptions options) {
        this.options = options.copy();
        return this;
    }

    public AssociationOptions options() {
        return options.copy();
    }

    public AcceptPolicy userIdentityVerifier(UserIdentityVerifier verifier) {
        this.userIdentityVerifier = verifier;
        return this;
    }

    /** Answers SOP class extended negotiation items: return the reply item, or null to send none. */
    public AcceptPolicy extendedNegotiationResponder(Function<ExtendedNegotiation, ExtendedNegotiation> responder) {
        this.extendedNegotiationResponder = responder;
        return this;
    }

    /** The transfer syntaxes accepted for a SOP class, or null if the class is not accepted. */
    List<String> transferSyntaxesFor(String sopClass) {
        List<String> ts = bySopClass.get(sopClass);
        if (ts != null) {
            return ts;
        }
        for (Map.Entry<Predicate<String>, List<String>> e : byFamily) {
            if (e.getKey().test(sopClass)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** Builds the answer to {@code rq}; throws to reject it. */
    public AssociateAccept negotiate(AssociateRequest rq) throws AssociationRejectedException {
        if (!calledAeTitles.isEmpty() && !calledAeTitles.contains(rq.calledAeTitle())) {
            throw userReject(AssociateReject.REASON_CALLED_AE_NOT_RECOGNIZED);
        }
        if (!callingAeTitles.isEmpty() && !callingAeTitles.contains(rq.callingAeTitle())) {
            throw userReject(AssociateReject.REASON_CALLING_AE_NOT_RECOGNIZED);
        }
        if (!AssociateParameters.DICOM_APPLICATION_CONTEXT.equals(rq.applicationContext())) {
            throw userReject(AssociateReject.REASON_APPLICATION_CONTEXT_NOT_SUPPORTED);
        }
        AssociateAccept ac = new AssociateAccept();
        ac.setCalledAeTitle(rq.calledAeTitle());
        ac.setCallingAeTitle(rq.callingAeTitle());
        ac.setMaxPduLength(maxPduLength);
        if (rq.maxOpsInvoked() != 1 || rq.maxOpsPerformed() != 1) {
            // We invoke at most what the requestor performs and perform at most our own limit.
            ac.setAsyncOpsWindow(limit(rq.maxOpsInvoked(), maxOpsPerformed), rq.maxOpsPerformed());
        }
        if (userIdentityVerifier != null && rq.userIdentity() != null) {
            byte[] response = userIdentityVerifier.verify(rq.userIdentity(), rq);
            if (rq.userIdentity().positiveResponseRequested()) {
                ac.setUserIdentityServerResponse(response == null ? new byte[0] : response);
            }
        }
        boolean any = false;
        for (PresentationContext pc : rq.presentationContexts()) {
            PresentationContext answer = answer(pc);
            any |= answer.isAccepted();
            ac.presentationContexts().add(answer);
        }
        if (!any) {
            throw userReject(AssociateReject.REASON_NO_REASON);
        }
        for (RoleSelection role : rq.roleSelections()) {
            if (transferSyntaxesFor(role.sopClass()) != null) {
                ac.roleSelections().add(role);
            }
        }
        for (ExtendedNegotiation e : rq.extendedNegotiations()) {
            ExtendedNegotiation reply = extendedNegotiationResponder.apply(e);
            if (reply != null) {
                ac.extendedNegotiations().add(reply);
            }
        }
        return ac;
    }

    private PresentationContext answer(PresentationContext proposed) {
        List<String> ours = transferSyntaxesFor(proposed.abstractSyntax());
        if (ours == null) {
            return PresentationContext.rejected(proposed.id(), PresentationContext.ABSTRACT_SYNTAX_NOT_SUPPORTED);
        }
        for (String ts : ours) {
            if (ANY_TRANSFER_SYNTAX.equals(ts)) {
                return PresentationContext.accepted(proposed.id(), proposed.transferSyntaxes().get(0));
            }
            if (proposed.transferSyntaxes().contains(ts)) {
                return PresentationContext.accepted(proposed.id(), ts);
            }
        }
        return PresentationContext.rejected(proposed.id(), PresentationContext.TRANSFER_SYNTAXES_NOT_SUPPORTED);
    }

    private static int limit(int proposed, int ours) {
        if (proposed == 0) {
            return ours;
        }
        return ours == 0 ? proposed : Math.min(proposed, ours);
    }

    private static AssociationRejectedException userReject(int reason) {
        return new AssociationRejectedException(new AssociateReject(AssociateReject.RESULT_PERMANENT,
                AssociateReject.SOURCE_USER, reason));
    }
}
