package org.strata.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.strata.bench.data.DataSetShape;

class BenchOptionsTest {
    @Test
    void defaultsAreTheIssuesSizeAndEverySystem() {
        BenchOptions o = BenchOptions.parse(new String[0]);
        assertEquals(new DataSetShape(10, 2, 100), o.shape());
        assertEquals(BenchOptions.ALL_SYSTEMS, o.systems());
        assertEquals(0, o.indexFill());
        assertTrue(o.dataFolder().isAbsolute());
    }

    @Test
    void optionsAreParsed() {
        BenchOptions o = BenchOptions.parse(new String[] {"--size", "1x2x10", "--systems", "strata-h2,nginx",
                "--index-fill", "1000000", "--query-repeats", "20"});
        assertEquals(new DataSetShape(1, 2, 10), o.shape());
        assertEquals(List.of("strata-h2", "nginx"), o.systems());
        assertEquals(1_000_000, o.indexFill());
        assertEquals(20, o.queryRepeats());
    }

    @Test
    void badOptionsAreRefusedWithTheReason() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(new String[] {"--systems", "pacsone"}))
                .getMessage().contains("unknown system 'pacsone'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(new String[] {"--frobnicate", "1"}))
                .getMessage().contains("unknown option --frobnicate"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(new String[] {"--size"}))
                .getMessage().contains("needs a value"));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(new String[] {"--query-repeats", "0"}));
    }
}
