package org.strata.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.io.Part10;

/** DCMTK's findscu against the archive (AE STRATA on 127.0.0.1), the responses it extracted (-X) read back. */
final class Findscu {
    private Findscu() {
    }

    /**
     * Runs findscu and returns the responses in the order they came.
     *
     * @param model "-P", "-S" or "-W" (patient root, study root, modality worklist)
     * @param queryFile a DICOM file holding the query keys, or null for the {@code keys} alone
     * @param keys "-k" arguments: {@code Keyword=value}, or a lone {@code Keyword} for a return key
     */
    static List<Dataset> query(int port, String callingAeTitle, String model, Path queryFile, String... keys)
            throws IOException, InterruptedException {
        Path out = Files.createTempDirectory("findscu");
        List<String> command = new ArrayList<>(List.of("findscu", model, "-aec", "STRATA", "-aet", callingAeTitle, "-X",
                "-od", out.toString()));
        for (String key : keys) {
            command.add("-k");
            command.add(key);
        }
        command.add("127.0.0.1");
        command.add(String.valueOf(port));
        if (queryFile != null) {
            command.add(queryFile.toString());
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("TCP_NODELAY", "1"); // else DCMTK waits ~50 ms per message
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new AssertionError("DCMTK findscu is needed (apt-get install dcmtk): " + e.getMessage(), e);
        }
        String log = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "findscu did not finish");
        assertEquals(0, process.exitValue(), log);
        List<Dataset> responses = new ArrayList<>();
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.sorted().toList()) {
                responses.add(Part10.read(f).dataset());
            }
        }
        return responses;
    }
}
