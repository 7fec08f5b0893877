package org.strata.ejb.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the hot tier places an arriving object, above all a replacement or a new version of a stored one. */
class HotTierPlaceTest {
    private static final String STUDY = "1.2.3";
    private static final String SERIES = "1.2.3.4";
    private static final String INSTANCE = "1.2.3.4.5";
    private static final String FOLDER = STUDY + "/" + SERIES + "/";

    @TempDir
    Path root;
    private HotTier hot;

    @BeforeEach
    void tier() {
        hot = new HotTier();
        hot.path = root.toString();
    }

    @Test
    void aNewInstanceIsNamedByItsUids() throws Exception {
        assertEquals(FOLDER + INSTANCE + ".dcm", hot.placeFor(STUDY, SERIES, INSTANCE, false));
    }

    @Test
    void aReplacementGetsANameOfItsOwnEvenWhenTheEarlierObjectIsNotOnHot() throws Exception {
        // The earlier object was moved to cold under the plain name: reusing that name would overwrite it there.
        String place = hot.placeFor(STUDY, SERIES, INSTANCE, true);
        assertNotEquals(FOLDER + INSTANCE + ".dcm", place);
        assertTrue(place.matches(FOLDER.replace(".", "\\.") + INSTANCE.replace(".", "\\.") + "\\.[0-9]+\\.dcm"), place);
    }

    @Test
    void aNameTakenOnHotIsNeverReused() throws Exception {
        Path taken = Files.createDirectories(root.resolve(FOLDER)).resolve(INSTANCE + ".dcm");
        Files.writeString(taken, "an object the index may still point at");
        String first = hot.placeFor(STUDY, SERIES, INSTANCE, false);
        assertNotEquals(FOLDER + INSTANCE + ".dcm", first);
        Files.writeString(root.resolve(first), "the next version");
        String second = hot.placeFor(STUDY, SERIES, INSTANCE, true);
        assertNotEquals(first, second);
        assertTrue(Files.notExists(root.resolve(second)), second);
    }

    @Test
    void aUidThatIsNoUidNeverBecomesAPath() {
        assertThrows(HotTier.InvalidUidException.class, () -> hot.placeFor(STUDY, "../..", INSTANCE, false));
    }
}
