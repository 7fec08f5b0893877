package org.strata.ejb.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeyMatchTest {

    @Test
    void wildcardsBecomeLikePatternsAndSqlWildcardsAreEscaped() {
        assertEquals(new KeyMatch.Wildcard("DOE^J%"), KeyMatch.text("DOE^J*"));
        assertEquals(new KeyMatch.Wildcard("A_C!%D!_!!%"), KeyMatch.text("A?C%D_!*"));
    }

    @Test
    void emptyOrLoneStarIsUniversalAndOtherTextIsSingleValue() {
        assertEquals(new KeyMatch.Universal(), KeyMatch.text(null));
        assertEquals(new KeyMatch.Universal(), KeyMatch.text("  "));
        assertEquals(new KeyMatch.Universal(), KeyMatch.text("*"));
        assertEquals(new KeyMatch.Single("CT"), KeyMatch.text("CT"));
    }

    @Test
    void severalUidsAreAListAndOneIsSingleValue() {
        assertEquals(new KeyMatch.UidList(List.of("1.2", "1.3")), KeyMatch.uids(new String[] {"1.2", "1.3"}));
        assertEquals(new KeyMatch.Single("1.2"), KeyMatch.uids(new String[] {"1.2"}));
        assertEquals(new KeyMatch.Universal(), KeyMatch.uids(new String[0]));
    }

    @Test
    void dateRangesMayBeOpenAtEitherEnd() {
        assertEquals(new KeyMatch.Range("20040101", "20041231"), KeyMatch.dateOrTime("20040101-20041231", false));
        assertEquals(new KeyMatch.Range(null, "20041231"), KeyMatch.dateOrTime("-20041231", false));
        assertEquals(new KeyMatch.Range("20040101", null), KeyMatch.dateOrTime("20040101-", false));
        assertEquals(new KeyMatch.Single("20040119"), KeyMatch.dateOrTime("2004.01.19", false));
        assertEquals(new KeyMatch.Universal(), KeyMatch.dateOrTime("-", false));
    }

    @Test
    void aTimeRangeEndCoversItsLastGivenComponent() {
        KeyMatch.Range range = (KeyMatch.Range) KeyMatch.dateOrTime("0930-1200", true);
        assertEquals("0930", range.from());
        // 12:00:30 is within "up to 12:00", 12:01 is not.
        assertEquals(true, "120030".compareTo(range.to()) <= 0);
        assertEquals(true, "1201".compareTo(range.to()) > 0);
    }

    @Test
    void eachKindAlsoMatchesValuesInMemory() {
        assertTrue(KeyMatch.text("DOE^J*").matches("DOE^JOHN"));
        assertFalse(KeyMatch.text("DOE^J*").matches("DOE"));
        assertTrue(KeyMatch.text("A?C%").matches("ABC%"), "% is no wildcard in DICOM");
        assertFalse(KeyMatch.text("A?C%").matches("ABCD"));
        assertTrue(KeyMatch.text("a.b*").matches("a.bc"));
        assertFalse(KeyMatch.text("a.b*").matches("axbc"), "regex characters are literal");
        assertTrue(KeyMatch.text("CT").matches("CT"));
        assertFalse(KeyMatch.text("CT").matches(null));
        assertTrue(KeyMatch.text("").matches(null));
        assertTrue(KeyMatch.uids(new String[] {"1.2", "1.3"}).matches("1.3"));
        assertTrue(KeyMatch.dateOrTime("20040101-20041231", false).matches("20040615"));
        assertFalse(KeyMatch.dateOrTime("20040101-", false).matches("20031231"));
        assertTrue(KeyMatch.dateOrTime("-1200", true).matches("120059"));
    }
}
