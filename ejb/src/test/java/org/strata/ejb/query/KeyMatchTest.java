package org.strata.ejb.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
