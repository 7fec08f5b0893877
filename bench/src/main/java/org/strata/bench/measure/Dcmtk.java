package org.strata.bench.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.strata.bench.systems.DicomAddress;

/** DCMTK's storescu and movescu as the benchmark's DIMSE clients (run with TCP_NODELAY=1, calling AE BENCHSCU). */
public final class Dcmtk {
    public static final String CALLING_AE = "BENCHSCU";

    private Dcmtk() {
    }

    /**
     * Sends {@code files} over {@code associations} concurrent storescu processes (contiguous shares of the list)
     * and waits for all of them; any failed C-STORE or failing process is an IOException.
     */
    public static void store(DicomAddress scp, List<Path> files, int associations, Path logFolder) throws IOException {
        List<Process> processes = new ArrayList<>();
        List<Path> logs = new ArrayList<>();
        int share = (files.size() + associations - 1) / associations;
        for (int a = 0; a < associations && a * share < files.size(); a++) {
            List<String> command = new ArrayList<>(List.of("storescu", "-aet", CALLING_AE, "-aec", scp.aeTitle(),
                    "127.0.0.1", Integer.toString(scp.port())));
            files.subList(a * share, Math.min(files.size(), (a + 1) * share)).forEach(f -> command.add(f.toString()));
            Path log = logFolder.resolve("storescu-" + a + ".log");
            logs.add(log);
            processes.add(start(command, log));
        }
        for (int a = 0; a < processes.size(); a++) {
            await(processes.get(a), "storescu", logs.get(a));
        }
    }

    /** C-MOVE of a study to {@code destinationAe}; movescu's own exit status and log decide success. */
    public static void moveStudy(DicomAddress scp, String studyUid, String destinationAe, Path log) throws IOException {
        await(start(List.of("movescu", "-S", "-aet", CALLING_AE, "-aec", scp.aeTitle(), "-aem", destinationAe,
                "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + studyUid,
                "127.0.0.1", Integer.toString(scp.port())), log), "movescu", log);
    }

    /** A storescp receiving into {@code folder} (the C-MOVE destination); the caller destroys it. */
    public static Process receiver(String aeTitle, int port, Path folder, Path log) throws IOException {
        Files.createDirectories(folder);
        return start(List.of("storescp", "-aet", aeTitle, "-od", folder.toString(), Integer.toString(port)), log);
    }

    private static Process start(List<String> command, Path log) throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("TCP_NODELAY", "1");
        try {
            return pb.start();
        } catch (IOException e) {
            throw new IOException(command.get(0) + " not found (apt-get install -y dcmtk)", e);
        }
    }

    private static void await(Process p, String tool, Path log) throws IOException {
        try {
            if (!p.waitFor(2, TimeUnit.HOURS)) {
                p.destroyForcibly();
                throw new IOException(tool + " did not finish within 2 hours (see " + log + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted while waiting for " + tool, e);
        }
        String output = Files.readString(log);
        // DCMTK logs refused or failed operations at level E (error) or F (fatal), one "E: " line each.
        String firstError = output.lines().filter(l -> l.startsWith("E: ") || l.startsWith("F: ")).findFirst().orElse(null);
        if (p.exitValue() != 0 || firstError != null) {
            throw new IOException(tool + " failed (exit " + p.exitValue() + "): "
                    + (firstError != null ? firstError : "see " + log));
        }
    }
}
