package org.strata.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The README's run command refuses settings that cannot work, with one line naming the setting, before it starts anything. */
class RunScriptIT {
    private static final Path SCRIPT = Path.of(System.getProperty("strata.root"), "run-strata.sh");

    @Test
    void anUnknownDatabaseKindIsRefused() throws Exception {
        Result result = run(Map.of("STRATA_DB", "oracle"));
        assertEquals(2, result.exitCode, result.stderr);
        assertEquals("strata: unknown database kind STRATA_DB='oracle' (setting STRATA_DB: h2 or postgresql)",
                result.stderr.strip());
    }

    @Test
    void postgreSqlWithoutAUrlIsRefused() throws Exception {
        Result result = run(Map.of("STRATA_DB", "postgresql"));
        assertEquals(2, result.exitCode, result.stderr);
        assertTrue(result.stderr.strip().startsWith("strata: STRATA_DB=postgresql needs STRATA_DB_URL"), result.stderr);
        assertEquals(1, result.stderr.strip().lines().count(), result.stderr);
    }

    private record Result(int exitCode, String stderr) {
    }

    private static Result run(Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toString());
        builder.environment().putAll(env);
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("run-strata.sh did not stop on a bad setting");
        }
        return new Result(process.exitValue(), stderr);
    }
}
