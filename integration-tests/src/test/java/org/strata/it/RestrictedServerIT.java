package org.strata.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.strata.dicom.dict.UIDs;
import org.strata.dicom.dimse.DimseChannel;
import org.strata.dicom.dimse.DimseServices;
import org.strata.dicom.dimse.FileSender;
import org.strata.dicom.net.AssociateAccept;
import org.strata.dicom.net.AssociateReject;
import org.strata.dicom.net.AssociateRequest;
import org.strata.dicom.net.AssociationOptions;
import org.strata.dicom.net.AssociationRejectedException;
import org.strata.dicom.net.PresentationContext;

/**
 * An archive that only accepts the calling AE {@code MODALITY}, only CT images in Implicit VR Little Endian, and whose
 * hot tier is below its reserve: strangers are rejected at association, other classes and syntaxes at negotiation,
 * and objects are refused with A700 while nothing is written.
 */
class RestrictedServerIT {
    private static StandaloneServer server;

    @BeforeAll
    static void start() throws Exception {
        server = StandaloneServer.start("restricted", Map.of(
                "strata.dicom.accepted-calling-ae-titles", "MODALITY",
                "strata.dicom.accepted-storage-sop-classes", UIDs.CTImageStorage,
                "strata.dicom.accepted-transfer-syntaxes", UIDs.ImplicitVRLittleEndian,
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
    void onlyTheConfiguredStorageClassesAndTransferSyntaxesAreAccepted() throws Exception {
        AssociateRequest rq = new AssociateRequest();
        rq.setCallingAeTitle("MODALITY");
        rq.setCalledAeTitle("STRATA");
        int mr = rq.addPresentationContext(UIDs.MRImageStorage, UIDs.ImplicitVRLittleEndian).id();
        int ctExplicit = rq.addPresentationContext(UIDs.CTImageStorage, UIDs.ExplicitVRLittleEndian).id();
        int ctEither = rq.addPresentationContext(UIDs.CTImageStorage, UIDs.ExplicitVRLittleEndian,
                UIDs.ImplicitVRLittleEndian).id();
        ExecutorService executor = Executors.newCachedThreadPool();
        try {
            DimseChannel channel = DimseChannel.open("127.0.0.1", server.dicomPort(), null, rq,
                    new AssociationOptions(), new DimseServices(), executor);
            AssociateAccept ac = channel.association().accept();
            channel.release();
            assertEquals(PresentationContext.ABSTRACT_SYNTAX_NOT_SUPPORTED, ac.presentationContext(mr).result());
            assertEquals(PresentationContext.TRANSFER_SYNTAXES_NOT_SUPPORTED,
                    ac.presentationContext(ctExplicit).result());
            assertTrue(ac.presentationContext(ctEither).isAccepted());
            assertEquals(UIDs.ImplicitVRLittleEndian, ac.presentationContext(ctEither).transferSyntax());
        } finally {
            executor.shutdownNow();
        }
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
