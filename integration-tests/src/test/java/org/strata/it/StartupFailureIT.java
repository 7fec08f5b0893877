package org.strata.it;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A setting that cannot work stops the start with one line naming it. Each case starts its own server (not
 * Arquillian's) from the built server, on free ports, with one bad setting.
 */
class StartupFailureIT {
    @Test
    void aDicomPortInUseIsNamedAndTheArchiveDoesNotStart() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            try (StandaloneServer server = StandaloneServer.start("dicom-port-busy",
                    Map.of("strata.dicom.port", String.valueOf(busy.getLocalPort())))) {
                String line = server.awaitBoot().lines().filter(l -> l.contains("Strata cannot start:")).findFirst()
                        .orElseThrow(() -> new AssertionError("no 'Strata cannot start:' line"));
                assertTrue(line.contains("DICOM port 127.0.0.1:" + busy.getLocalPort()), line);
                assertTrue(line.contains("resource adapter properties 'host' and 'port'"), line);
                assertNotEquals(200, server.healthStatus(), "the archive must not report itself healthy");
            }
        }
    }

    @Test
    void anUnreachablePostgreSqlIsNamedAndTheArchiveDoesNotStart() throws Exception {
        int closedPort = StandaloneServer.freePort();
        try (StandaloneServer server = StandaloneServer.start("postgresql-unreachable", Map.of(
                "strata.db.kind", "PostgreSQL",
                "strata.db.url", "jdbc:postgresql://127.0.0.1:" + closedPort + "/strata"))) {
            String line = server.awaitBoot().lines().filter(l -> l.contains("Strata cannot start:")).findFirst()
                        .orElseThrow(() -> new AssertionError("no 'Strata cannot start:' line"));
            assertTrue(line.contains("database unreachable"), line);
            assertTrue(line.contains("strata.db.url"), line);
            assertNotEquals(200, server.healthStatus(), "the archive must not report itself healthy");
        }
    }

    @Test
    void anUnknownLifecycleAgeBasisIsNamedAndTheArchiveDoesNotStart() throws Exception {
        try (StandaloneServer server = StandaloneServer.start("age-basis-unknown",
                Map.of("strata.lifecycle.age-basis", "sometimes"))) {
            String log = server.awaitBoot();
            assertTrue(log.contains("strata.lifecycle.age-basis is 'sometimes': expected received or accessed"),
                    "no line naming strata.lifecycle.age-basis");
            assertNotEquals(200, server.healthStatus(), "the archive must not report itself healthy");
        }
    }
}
