package org.strata.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The built server starts with the EAR deployed, on H2, and reports itself healthy. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HealthIT {

    @Test
    void healthReportsTheDatabaseTheSchemaVersionAndTheDicomListener() throws Exception {
        HttpResponse<String> response = StrataServer.get("/strata/api/health", null);

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""));
        JsonObject health = StrataServer.json(response.body());
        assertEquals("UP", health.getString("status"));
        assertTrue(health.getString("version").matches("\\d+\\.\\d+\\.\\d+.*"), health.toString());
        JsonObject database = health.getJsonObject("database");
        assertTrue(database.getString("product").startsWith(System.getProperty("it.database")), database.toString());
        assertEquals(newestMigration(), database.getString("migration"));
        JsonObject dicom = health.getJsonObject("dicom");
        assertTrue(dicom.getBoolean("listening"));
        assertEquals(StrataServer.DICOM_PORT, dicom.getInt("port"));
        assertEquals("STRATA", dicom.getString("aeTitle"));
    }

    /** The highest version among the migration scripts in the source tree: the schema a fresh server must reach. */
    private static String newestMigration() throws IOException {
        Path scripts = Path.of(System.getProperty("strata.root"), "persistence/src/main/resources/db/migration");
        try (Stream<Path> files = Files.list(scripts)) {
            return String.valueOf(files.map(f -> f.getFileName().toString())
                    .filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))))
                    .max().orElseThrow());
        }
    }

    @Test
    void theDicomPortAcceptsAConnection() throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", StrataServer.DICOM_PORT), 5000);
            assertTrue(socket.isConnected());
        }
    }
}
