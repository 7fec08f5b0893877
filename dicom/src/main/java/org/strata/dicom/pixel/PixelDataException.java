package org.strata.dicom.pixel;

import java.io.IOException;

/** Pixel data that cannot be framed or decoded: inconsistent image attributes, bad offsets, corrupt RLE. */
public class PixelDataException extends IOException {
    private static final long serialVersionUID = 1L;

    public PixelDataException(String message) {
        super(message);
    }
}
