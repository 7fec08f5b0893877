package org.strata.dicom.json;

import java.io.IOException;

/** JSON that is malformed, or well-formed but not the DICOM JSON Model (PS3.18 Annex F). */
public class JsonFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public JsonFormatException(String message) {
        super(message);
    }
}
