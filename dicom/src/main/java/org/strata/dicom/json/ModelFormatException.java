package org.strata.dicom.json;

import java.io.IOException;

/**
 * A document that is not a valid DICOM JSON Model (PS3.18 Annex F) or Native DICOM Model (PS3.19 A.1):
 * malformed JSON or XML, or well-formed but with elements the model does not allow.
 */
public class ModelFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public ModelFormatException(String message) {
        super(message);
    }
}
