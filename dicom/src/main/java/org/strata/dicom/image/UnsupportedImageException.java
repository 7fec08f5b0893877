package org.strata.dicom.image;

import org.strata.dicom.pixel.PixelDataException;

/** A valid image we cannot render: a compression we cannot decode, a photometric interpretation we lack. */
public class UnsupportedImageException extends PixelDataException {
    private static final long serialVersionUID = 1L;

    public UnsupportedImageException(String message) {
        super(message);
    }
}
