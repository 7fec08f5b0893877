package org.strata.web.dicomweb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class FrameNumbersTest {
    @Test
    void keepsTheOrderGiven() {
        assertEquals(List.of(3, 1, 2), FrameNumbers.parse("3,1, 2", 3));
    }

    @Test
    void refusesMalformedRepeatedAndOutOfRangeNumbersWithA400() {
        for (String[] bad : new String[][] {{"0", "frame 0 is out of range 1..3"}, {"4", "frame 4 is out of range 1..3"},
            {"1,x", "frame number 'x' is not a number"}, {"1,,2", "frame number '' is not a number"},
            {"2,2", "frame 2 is listed twice"}}) {
            DicomWebException e = assertThrows(DicomWebException.class, () -> FrameNumbers.parse(bad[0], 3));
            assertEquals(400, e.status().getStatusCode());
            assertEquals(bad[1], e.getMessage());
        }
    }
}
