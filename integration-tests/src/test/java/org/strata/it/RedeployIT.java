package org.strata.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.strata.dicom.dimse.FileSender;

/**
 * Undeploying the EAR closes the DICOM port; deploying and redeploying it (management operations, as the console
 * and CLI do) open it again at once, without "address in use", and the archive stores again.
 */
class RedeployIT {
    @Test
    void undeployClosesTheDicomPortAndDeployOrRedeployOpenItAgain() throws Exception {
        try (StandaloneServer server = StandaloneServer.start("redeploy", Map.of())) {
            server.awaitBoot();
            assertEchoAnswered(server);

            server.cli("/deployment=strata.ear:undeploy");
            assertThrows(ConnectException.class, () -> connect(server.dicomPort()),
                    "the DICOM port is still open after undeploy");

            server.cli("/deployment=strata.ear:deploy");
            assertEchoAnswered(server);

            server.cli("/deployment=strata.ear:redeploy");
            assertEchoAnswered(server);
            List<FileSender.Result> stored = Dicom.send(server.dicomPort(), "MODALITY",
                    Dicom.PYDICOM_DATA.resolve("test_files/CT_small.dcm"));
            assertEquals(0, stored.get(0).status(), "C-STORE after redeploy: " + stored);

            String log = server.consoleLog();
            assertFalse(log.contains("Address already in use") || log.contains("cannot be bound"),
                    "a redeploy met its own port still bound:\n" + log);
        }
    }

    private static void assertEchoAnswered(StandaloneServer server) throws Exception {
        Tools.Result echo = Tools.run(List.of("echoscu", "-aec", "STRATA", "127.0.0.1",
                String.valueOf(server.dicomPort())));
        assertEquals(0, echo.exit(), echo.output());
    }

    private static void connect(int port) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        }
    }
}
