package org.strata.dicom.io;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The real DICOM files no one here wrote, and running the external tools the tests compare against. */
final class Corpus {
    static final Path PYDICOM_DATA = Path.of("/usr/lib/python3/dist-packages/pydicom/data");
    static final Path TEST_FILES = PYDICOM_DATA.resolve("test_files");
    static final Path CHARSET_FILES = PYDICOM_DATA.resolve("charset_files");
    static final Path DICOM3TOOLS_EXAMPLES = Path.of("/usr/share/doc/dicom3tools/examples");

    private Corpus() {
    }

    /** Every regular file under the three corpus folders (recursively), sorted; fails if a folder is missing. */
    static List<Path> allFiles() {
        List<Path> files = new ArrayList<>();
        for (Path root : List.of(TEST_FILES, CHARSET_FILES, DICOM3TOOLS_EXAMPLES)) {
            if (!Files.isDirectory(root)) {
                fail("corpus folder missing: " + root + " (install python3-pydicom and dicom3tools)");
            }
            try (Stream<Path> s = Files.walk(root)) {
                s.filter(Files::isRegularFile).forEach(files::add);
            } catch (IOException e) {
                fail("cannot list " + root + ": " + e);
            }
        }
        files.sort(null);
        return files;
    }

    /** Result of an external command. */
    record Run(int exitCode, String stdout, String stderr) {
    }

    /** Runs a command with a timeout; fails the test with a clear message if the tool is not installed. */
    static Run run(List<String> command, byte[] stdin) {
        Path tool = Path.of(command.get(0));
        if (!tool.isAbsolute()) {
            tool = findOnPath(command.get(0));
        }
        if (tool == null || !Files.isExecutable(tool)) {
            fail("external tool '" + command.get(0) + "' is not installed (CI installs dcmtk, python3-pydicom)");
        }
        try {
            Process p = new ProcessBuilder(command).start();
            if (stdin != null) {
                try (var in = p.getOutputStream()) {
                    in.write(stdin);
                }
            } else {
                p.getOutputStream().close();
            }
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread errPump = new Thread(() -> pump(p.getErrorStream(), err));
            errPump.start();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pump(p.getInputStream(), out);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("timeout running " + command);
            }
            errPump.join();
            return new Run(p.exitValue(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("cannot run " + command, e);
        }
    }

    private static void pump(InputStream in, ByteArrayOutputStream out) {
        try {
            in.transferTo(out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Path findOnPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}
