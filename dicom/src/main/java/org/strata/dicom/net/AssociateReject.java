package org.strata.dicom.net;

/** A-ASSOCIATE-RJ parameters (PS3.8 9.3.4). */
public record AssociateReject(int result, int source, int reason) {
    public static final int RESULT_PERMANENT = 1;
    public static final int RESULT_TRANSIENT = 2;

    /** Source: DICOM UL service-user. */
    public static final int SOURCE_USER = 1;
    /** Source: DICOM UL service-provider (ACSE related function). */
    public static final int SOURCE_PROVIDER_ACSE = 2;
    /** Source: DICOM UL service-provider (presentation related function). */
    public static final int SOURCE_PROVIDER_PRESENTATION = 3;

    /** User reasons. */
    public static final int REASON_NO_REASON = 1;
    public static final int REASON_APPLICATION_CONTEXT_NOT_SUPPORTED = 2;
    public static final int REASON_CALLING_AE_NOT_RECOGNIZED = 3;
    public static final int REASON_CALLED_AE_NOT_RECOGNIZED = 7;
    /** ACSE provider reason. */
    public static final int REASON_PROTOCOL_VERSION_NOT_SUPPORTED = 2;
    /** Presentation provider reasons. */
    public static final int REASON_TEMPORARY_CONGESTION = 1;
    public static final int REASON_LOCAL_LIMIT_EXCEEDED = 2;

    @Override
    public String toString() {
        return "A-ASSOCIATE-RJ[result=" + result + ", source=" + source + ", reason=" + reason + "]";
    }
}
