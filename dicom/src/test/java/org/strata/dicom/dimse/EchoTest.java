package org.strata.dicom.dimse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.strata.dicom.net.AcceptPolicy;
import org.strata.dicom.net.AssociateRequest;
import org.strata.dicom.net.AssociationOptions;
import org.strata.dicom.net.DicomServer;
import org.strata.dicom.net.ExternalTools;

class EchoTest {
    private ExecutorService executor;
    private DicomServer server;

    @BeforeEach
    void start() throws Exception {
        executor = Executors.newCachedThreadPool();
        AcceptPolicy policy = new AcceptPolicy().calledAeTitles("STRATA")
                .accept(DimseServices.VERIFICATION, "1.2.840.10008.1.2", "1.2.840.10008.1.2.1");
        server = new DicomServer(policy, new DimseServices().handlers(executor), executor);
        server.start(new InetSocketAddress("127.0.0.1", 0));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        executor.shutdownNow();
    }

    @Test
    void ourEchoScuAgainstOurScp() throws Exception {
        AssociateRequest rq = new AssociateRequest();
        rq.setCalledAeTitle("STRATA");
        rq.addPresentationContext(DimseServices.VERIFICATION, "1.2.840.10008.1.2");
        DimseChannel ch = DimseChannel.open("127.0.0.1", server.port(), null, rq, new AssociationOptions(),
                new DimseServices(), executor);
        DimseResponse rsp = ch.echo();
        assertEquals(Status.SUCCESS, rsp.status());
        assertEquals(CommandField.C_ECHO_RSP, rsp.command().commandField());
        ch.release();
        assertTrue(ch.association().awaitClose(5, TimeUnit.SECONDS));
        assertFalse(ch.association().isOpen());
    }

    @Test
    void dcmtkEchoscuAgainstOurScp() throws Exception {
        ExternalTools.Result r = ExternalTools.run(30, "echoscu", "-aec", "STRATA", "-v", "127.0.0.1",
                String.valueOf(server.port()));
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("Received Echo Response (Success)"), r.output());
    }

    @Test
    void dcmtkEchoscuWithWrongCalledAeIsRejected() throws Exception {
        ExternalTools.Result r = ExternalTools.run(30, "echoscu", "-aec", "OTHER", "127.0.0.1",
                String.valueOf(server.port()));
        assertTrue(r.exitCode() != 0, r.output());
        assertTrue(r.output().contains("Called AE Title Not Recognized"), r.output());
    }
}
