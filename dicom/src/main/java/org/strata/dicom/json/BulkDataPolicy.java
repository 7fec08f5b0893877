package org.strata.dicom.json;

import org.strata.dicom.data.VR;

/**
 * How writers of DICOM JSON and XML emit binary values (OB, OD, OF, OL, OV, OW, UN and encapsulated pixel
 * data): inline as Base64, or as a URI the caller builds, for values longer than a threshold.
 */
public record BulkDataPolicy(long threshold, UriBuilder uriBuilder) {

    /** Every binary value inline. */
    public static final BulkDataPolicy INLINE = new BulkDataPolicy(Long.MAX_VALUE, null);

    /** Builds the URI under which a value can be fetched (e.g. a WADO-RS bulk data URL). */
    @FunctionalInterface
    public interface UriBuilder {
        /**
         * @param path where the element sits: its tag as 8 hex digits, prefixed for nested elements by the
         *             enclosing sequence tags and 0-based item indices, separated by '/' (e.g. "00540016/0/00181072")
         */
        String uriFor(String path, VR vr);
    }

    /** Values longer than {@code threshold} bytes go out as URIs from {@code builder}; shorter ones inline. */
    public static BulkDataPolicy uris(long threshold, UriBuilder builder) {
        if (builder == null) {
            throw new IllegalArgumentException("a URI builder is required");
        }
        return new BulkDataPolicy(threshold, builder);
    }

    /** True if a value of this length is written as a URI. */
    public boolean useUri(long length) {
        return uriBuilder != null && length > threshold;
    }

    /** True for the VRs whose values are written as InlineBinary or a bulk data URI rather than as Values. */
    public static boolean isBinary(VR vr) {
        return switch (vr) {
            case OB, OD, OF, OL, OV, OW, UN -> true;
            default -> false;
        };
    }
}
