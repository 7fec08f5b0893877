package org.strata.ejb.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FuzzyNamesTest {

    /** The examples the US National Archives give for their Soundex rules. */
    @Test
    void soundexFollowsThePublishedExamples() {
        assertEquals("R163", FuzzyNames.soundex("ROBERT"));
        assertEquals("R163", FuzzyNames.soundex("RUPERT"));
        assertEquals("R150", FuzzyNames.soundex("RUBIN"));
        assertEquals("A261", FuzzyNames.soundex("ASHCRAFT")); // H does not separate S and C
        assertEquals("T522", FuzzyNames.soundex("TYMCZAK"));  // a vowel separates Z and K
        assertEquals("P236", FuzzyNames.soundex("PFISTER"));  // F codes like the first letter P
        assertEquals("H555", FuzzyNames.soundex("HONEYMAN"));
        assertEquals("L000", FuzzyNames.soundex("LEE"));
    }

    @Test
    void keysIgnoreCaseAccentsComponentOrderAndOtherGroups() {
        assertEquals(" H520 M460 ", FuzzyNames.keysOf("Müller^Hans"));
        assertEquals(FuzzyNames.keysOf("Müller^Hans"), FuzzyNames.keysOf("MULLER^HANZ=ミュラー"));
        assertEquals(List.of("H520", "M460"), List.copyOf(FuzzyNames.codesOf("hans muller")));
        assertNull(FuzzyNames.keysOf("^^^"));
        assertNull(FuzzyNames.keysOf(null));
    }

    @Test
    void keysOfAVeryLongNameAreCutAtAWholeKey() {
        StringBuilder many = new StringBuilder();
        for (char a = 'A'; a <= 'Z'; a++) {
            for (char b = 'A'; b <= 'Z'; b++) {
                many.append(a).append(b).append("RT ");
            }
        }
        String keys = FuzzyNames.keysOf(many.toString());
        assertTrue(keys.length() <= FuzzyNames.MAX_LENGTH, keys);
        assertTrue(keys.startsWith(" ") && keys.endsWith(" ") && keys.strip().split(" ").length * 5 + 1 == keys.length(),
                keys);
    }
}
