package org.strata.dicom.net;

import java.nio.charset.StandardCharsets;

/** User identity negotiation sub-item of an A-ASSOCIATE-RQ (PS3.7 D.3.3.7). */
public record UserIdentity(int type, boolean positiveResponseRequested, byte[] primaryField, byte[] secondaryField) {

    public static final int USERNAME = 1;
    public static final int USERNAME_AND_PASSCODE = 2;
    public static final int KERBEROS = 3;
    public static final int SAML = 4;
    public static final int JWT = 5;

    public UserIdentity {
        primaryField = primaryField.clone();
        secondaryField = secondaryField == null ? new byte[0] : secondaryField.clone();
    }

    public static UserIdentity username(String user, boolean positiveResponseRequested) {
        return new UserIdentity(USERNAME, positiveResponseRequested, utf8(user), null);
    }

    public static UserIdentity usernameAndPasscode(String user, String passcode, boolean positiveResponseRequested) {
        return new UserIdentity(USERNAME_AND_PASSCODE, positiveResponseRequested, utf8(user), utf8(passcode));
    }

    @Override
    public byte[] primaryField() {
        return primaryField.clone();
    }

    @Override
    public byte[] secondaryField() {
        return secondaryField.clone();
    }

    /** The primary field as text (username, or the JWT/SAML token). */
    public String primaryText() {
        return new String(primaryField, StandardCharsets.UTF_8);
    }

    /** The secondary field as text (passcode). */
    public String secondaryText() {
        return new String(secondaryField, StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
