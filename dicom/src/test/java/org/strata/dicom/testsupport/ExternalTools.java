package org.strata.dicom.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real DCMTK tools and pydicom for interop tests; a missing tool fails the test, never skips it. */
public final class ExternalTools {

    /** The only Python that has pydicom on this machine and in CI. */
    public static final String PYTHON = "/usr/bin/python3";
    public static final Path PYDICOM_DATA = Path.of("/usr/lib/python3/dist-packages/pydicom/data");
    public static final Path TEST_FILES = PYDICOM_DATA.resolve("test_files");
    public static final Path CHARSET_FILES = PYDICOM_DATA.resolve("charset_files");

    private static final long TIMEOUT_SECONDS = 120;

    private ExternalTools() {
    }

    /** Runs a command in a directory and returns its standard output; fails on a missing tool or exit code. */
    public static String run(Path dir, String... command) {
        requireTool(command[0]);
        try {
            Path errors = Files.createTempFile("tool", ".err");
            try {
                Process process = new ProcessBuilder(command).directory(dir.toFile())
                        .redirectError(errors.toFile()).start();
                process.getOutputStream().close();
                byte[] out = process.getInputStream().readAllBytes();
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    fail(String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS + " s");
                }
                if (process.exitValue() != 0) {
                    fail(String.join(" ", command) + " exited " + process.exitValue() + ": "
                            + Files.readString(errors, StandardCharsets.UTF_8));
                }
                return new String(out, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            return fail("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted running " + command[0]);
        }
    }

    /** Fails with a clear message if a tool is neither an existing path nor on PATH. */
    public static void requireTool(String tool) {
        if (tool.contains("/")) {
            if (!Files.isExecutable(Path.of(tool))) {
                fail("required tool " + tool + " is missing (install it: dcmtk, python3-pydicom)");
            }
            return;
        }
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        for (String dir : dirs) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return;
            }
        }
        fail("required tool " + tool + " is not on PATH (install dcmtk)");
    }

    /** A pydicom sample file, failing clearly if python3-pydicom's data is not installed. */
    public static Path testFile(String name) {
        Path path = TEST_FILES.resolve(name);
        if (!Files.isRegularFile(path)) {
            fail("pydicom test file " + path + " is missing (install python3-pydicom)");
        }
        return path;
    }
}
