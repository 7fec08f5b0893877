package org.strata.web.dicomweb.multipart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MediaTypeParametersTest {
    @Test
    void baseTypeAndParametersAreSplitAndUnquoted() throws MalformedMultipartException {
        MediaTypeParameters m = MediaTypeParameters.parse(
                "Multipart/Related ; Type=\"application/dicom+xml\"; boundary=\"q\\\"x;y\" ; start=<a>;");
        assertEquals("multipart/related", m.baseType());
        assertEquals("application/dicom+xml", m.get("type"));
        assertEquals("q\"x;y", m.get("BOUNDARY"));
        assertEquals("<a>", m.get("start"));
        assertNull(m.get("charset"));
    }

    @Test
    void brokenHeadersAreRefused() {
        assertThrows(MalformedMultipartException.class, () -> MediaTypeParameters.parse(null));
        assertThrows(MalformedMultipartException.class, () -> MediaTypeParameters.parse("multipart"));
        assertThrows(MalformedMultipartException.class, () -> MediaTypeParameters.parse("a/b; x"));
        assertThrows(MalformedMultipartException.class, () -> MediaTypeParameters.parse("a/b; x=\"open"));
        assertThrows(MalformedMultipartException.class, () -> MediaTypeParameters.parse("a/b; =v"));
        assertThrows(MalformedMultipartException.class, () -> MediaTypeParameters.parse("a/b; x=\"v\"z"));
    }
}
