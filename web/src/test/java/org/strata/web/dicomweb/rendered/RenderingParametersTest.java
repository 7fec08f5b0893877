package org.strata.web.dicomweb.rendered;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.strata.dicom.image.VoiFunction;
import org.strata.dicom.image.Viewport;
import org.strata.dicom.image.Window;
import org.strata.web.dicomweb.DicomWebException;

class RenderingParametersTest {
    @Test
    void parsesWindowViewportAndQuality() {
        RenderingParameters parameters = RenderingParameters.parse("40,400,sigmoid", "64,32,0,0,10,-10", "75");
        assertEquals(new Window(40, 400, VoiFunction.SIGMOID), parameters.window());
        assertEquals(new Viewport(64, 32, new Viewport.Region(0, 0, 10, -10)), parameters.viewport());
        assertEquals(75, parameters.quality());
        RenderingParameters defaults = RenderingParameters.parse(null, "", null);
        assertEquals(null, defaults.window());
        assertEquals(null, defaults.viewport());
        assertEquals(RenderingParameters.DEFAULT_QUALITY, defaults.quality());
        assertEquals(VoiFunction.LINEAR, RenderingParameters.parse("1,2", null, null).window().function());
    }

    @Test
    void refusesBadValuesWithA400NamingTheParameter() {
        String[][] cases = {{"40", null, null, "window must be"}, {"a,400", null, null, "window center"},
            {"40,0", null, null, "window: window width 0.0"}, {"40,400,cubic", null, null, "window: unknown VOI"},
            {null, "64", null, "viewport must be"}, {null, "0,10", null, "viewport: viewport 0x10"},
            {null, "10,10,0,0,0,5", null, "viewport: source region"}, {null, "x,10", null, "viewport: 'x'"},
            {null, null, "101", "quality 101"}, {null, null, "high", "quality: 'high'"}};
        for (String[] c : cases) {
            DicomWebException e = assertThrows(DicomWebException.class, () -> RenderingParameters.parse(c[0], c[1], c[2]));
            assertEquals(400, e.status().getStatusCode());
            assertTrue(e.getMessage().startsWith(c[3]), e.getMessage());
        }
    }
}
