package org.strata.dicom.net;

import java.util.List;

/**
 * One presentation context of an association: proposed (abstract syntax plus candidate transfer syntaxes)
 * or answered (result plus the single accepted transfer syntax).
 */
public record PresentationContext(int id, String abstractSyntax, List<String> transferSyntaxes, int result) {

    /** Result: acceptance. */
    public static final int ACCEPTANCE = 0;
    /** Result: user rejection. */
    public static final int USER_REJECTION = 1;
    /** Result: no reason (provider rejection). */
    public static final int NO_REASON = 2;
    /** Result: abstract syntax not supported (provider rejection). */
    public static final int ABSTRACT_SYNTAX_NOT_SUPPORTED = 3;
    /** Result: transfer syntaxes not supported (provider rejection). */
    public static final int TRANSFER_SYNTAXES_NOT_SUPPORTED = 4;

    public PresentationContext {
        transferSyntaxes = List.copyOf(transferSyntaxes);
    }

    /** A proposed context (in an A-ASSOCIATE-RQ). */
    public static PresentationContext proposed(int id, String abstractSyntax, String... transferSyntaxes) {
        return new PresentationContext(id, abstractSyntax, List.of(transferSyntaxes), ACCEPTANCE);
    }

    /** An accepted context (in an A-ASSOCIATE-AC). */
    public static PresentationContext accepted(int id, String transferSyntax) {
        return new PresentationContext(id, null, List.of(transferSyntax), ACCEPTANCE);
    }

    /** A rejected context (in an A-ASSOCIATE-AC). */
    public static PresentationContext rejected(int id, int result) {
        return new PresentationContext(id, null, List.of(), result);
    }

    public boolean isAccepted() {
        return result == ACCEPTANCE && !transferSyntaxes.isEmpty();
    }

    /** The accepted transfer syntax of an answered context. */
    public String transferSyntax() {
        return transferSyntaxes.isEmpty() ? null : transferSyntaxes.get(0);
    }
}
