package org.strata.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.strata.dicom.dimse.FileSender;
import org.strata.dicom.net.AssociateReject;
import org.strata.dicom.net.AssociationRejectedException;

/**
 * An archive that only accepts the calling AE {@code MODALITY} and whose hot tier is below its reserve: strangers
 * are rejected at association, and objects are refused with A700 while nothing is written.
 */
class RestrictedServerIT {
    private static StandaloneServer server;

    @BeforeAll
    static void start() throws Exception {
        server = StandaloneServer.start("restricted", Map.of(
                "strata.dicom.accepted-calling-ae-titles", "MODALITY",
                "strata.storage.hot.reserve-mb", String.valueOf(Long.MAX_VALUE / (1024 * 1024 * 2))));
        server.awaitBoot();
        assertEquals(200, server.healthStatus());
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void anUnknownCallingAeIsRejectedAsNotRecognised() {
        AssociationRejectedException rejected = assertThrows(AssociationRejectedException.class,
                () -> Dicom.send(server.dicomPort(), "STRANGER", Dicom.PYDICOM_DATA.resolve("test_files/CT_small.dcm")));
        AssociateReject reject = rejected.reject();
        assertEquals(AssociateReject.RESULT_PERMANENT, reject.result());
        assertEquals(AssociateReject.SOURCE_USER, reject.source());
        assertEquals(3, reject.reason(), "calling AE title not recognised (PS3.8 9.3.4)");
    }

    @Test
    void aHotTierBelowItsReserveRefusesWithA700AndWritesNothing() throws Exception {
        List<FileSender.Result> results = Dicom.send(server.dicomPort(), "MODALITY",
                Dicom.PYDICOM_DATA.resolve("test_files/CT_small.dcm"));

        assertEquals(0xA700, results.get(0).status(), results.toString());
        assertTrue(results.get(0).errorComment().contains("reserve"), results.toString());
        Path hot = server.hotTier();
        if (Files.exists(hot)) {
            try (Stream<Path> files = Files.walk(hot)) {
                assertEquals(List.of(), files.filter(Files::isRegularFile).toList());
            }
        }
    }
}
