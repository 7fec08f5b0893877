package org.strata.web.dicomweb.wadouri;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.strata.web.dicomweb.DicomWebException;

class WadoUriResourceTest {
    @Test
    void contentTypeWinsElseTheAcceptHeaderWithJpegTheDefaultForImages() {
        assertEquals("image/jpeg", WadoUriResource.mediaType(null, null, true));
        assertEquals("image/jpeg", WadoUriResource.mediaType(null, "*/*", true));
        assertEquals("application/dicom", WadoUriResource.mediaType(null, "*/*", false));
        assertEquals("application/dicom", WadoUriResource.mediaType(null, "application/dicom", true));
        assertEquals("image/png", WadoUriResource.mediaType("image/png", "image/jpeg", true));
        assertEquals("application/dicom", WadoUriResource.mediaType("image/gif, application/dicom", null, true));
    }

    @Test
    void whatCannotBeProducedIs406() {
        assertEquals(406, assertThrows(DicomWebException.class,
                () -> WadoUriResource.mediaType("image/jpeg", null, false)).status().getStatusCode());
        assertEquals(406, assertThrows(DicomWebException.class,
                () -> WadoUriResource.mediaType(null, "text/html", true)).status().getStatusCode());
    }
}
