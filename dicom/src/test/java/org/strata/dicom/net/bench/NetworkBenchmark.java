package org.strata.dicom.net.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.data.VR;
import org.strata.dicom.dict.Tags;
import org.strata.dicom.dimse.DimseServices;
import org.strata.dicom.dimse.FileSender;
import org.strata.dicom.dimse.FolderStorage;
import org.strata.dicom.dimse.Part10Source;
import org.strata.dicom.io.Part10;
import org.strata.dicom.io.TransferSyntax;
import org.strata.dicom.net.AcceptPolicy;
import org.strata.dicom.net.AssociateRequest;
import org.strata.dicom.net.AssociationOptions;
import org.strata.dicom.net.DicomServer;

/**
 * Side-by-side C-STORE throughput against DCMTK (a harness main, not a test):
 * <ol>
 *   <li>SCP: DCMTK storescu feeding DCMTK storescp vs feeding our SCP (FolderStorage), 1 and 4 associations;</li>
 *   <li>SCU: DCMTK storescu vs our FileSender, both into DCMTK storescp, 1 and 4 associations.</li>
 * </ol>
 * Data: CT_small.dcm's header with synthetic 512x512 16-bit pixel data, cloned with new UIDs.
 *
 * <pre>
 * cd dicom && mvn -o -q test-compile &&
 *   java -cp target/classes:target/test-classes org.strata.dicom.net.bench.NetworkBenchmark [INSTANCES]
 * </pre>
 */
public final class NetworkBenchmark {
    private static final Path CT = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files/CT_small.dcm");

    private static final int REPEATS = 5;

    private NetworkBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int instances = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        Path work = Files.createTempDirectory("netbench");
        ExecutorService executor = Executors.newCachedThreadPool();
        try {
            Path data = Files.createDirectories(work.resolve("data"));
            long bytes = synthesize(data, instances);
            List<Path> files;
            try (Stream<Path> s = Files.list(data)) {
                files = s.sorted().toList();
            }
            System.out.printf("%d instances, %.1f MB (512x512x16-bit CT), loopback, best of " + REPEATS + " runs%n", instances,
                    bytes / 1e6);
            // Untimed warm-up so the JIT has compiled our paths, as DCMTK's native code needs no warm-up.
            for (int i = 0; i < 3; i++) {
                ourScuInto(ourScp(work, executor), files.subList(0, Math.min(100, files.size())), 1, executor);
            }
            System.out.printf("%-44s %10s %10s %10s%n", "run", "seconds", "files/s", "MB/s");
            for (int assocs : new int[] {1, 4}) {
                // Repeats are interleaved (A B C A B C ...) so that drifting load on the shared machine hits every
                // contender alike; each keeps its best time.
                String[] names = {"DCMTK storescu -> DCMTK storescp", "DCMTK storescu -> our SCP",
                    "our SCU -> DCMTK storescp"};
                int n = assocs;
                Run[] runs = {
                    () -> dcmtkStorescuInto(dcmtkStorescp(work, n), files, n),
                    () -> dcmtkStorescuInto(ourScp(work, executor), files, n),
                    () -> ourScuInto(dcmtkStorescp(work, n), files, n, executor)};
                double[] best = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
                for (int r = 0; r < REPEATS; r++) {
                    for (int i = 0; i < runs.length; i++) {
                        best[i] = Math.min(best[i], seconds(runs[i]));
                    }
                }
                for (int i = 0; i < runs.length; i++) {
                    System.out.printf("%-44s %10.2f %10.0f %10.1f%n", names[i] + ", " + assocs + " assoc", best[i],
                            instances / best[i], bytes / 1e6 / best[i]);
                }
                System.out.printf("ratios (%d assoc): our SCP %.2fx DCMTK storescp; our SCU %.2fx DCMTK storescu%n",
                        assocs, best[0] / best[1], best[0] / best[2]);
            }
        } finally {
            executor.shutdownNow();
            deleteTree(work);
        }
    }

    /** A receiver under test: its port, and how to stop it. */
    private interface Receiver extends AutoCloseable {
        int port();

        @Override
        void close() throws Exception;
    }

    @FunctionalInterface
    private interface Run {
        void run() throws Exception;
    }

    private static double seconds(Run run) throws Exception {
        long t0 = System.nanoTime();
        run.run();
        return (System.nanoTime() - t0) / 1e9;
    }

    private static long synthesize(Path folder, int instances) throws IOException {
        Dataset ds = Part10.read(CT).dataset();
        ds.setInt(Tags.Rows, VR.US, 512);
        ds.setInt(Tags.Columns, VR.US, 512);
        byte[] pixels = new byte[512 * 512 * 2];
        new Random(1).nextBytes(pixels);
        ds.setBytes(Tags.PixelData, VR.OW, pixels);
        String series = "2.25.1" + System.nanoTime();
        ds.setString(Tags.SeriesInstanceUID, VR.UI, series);
        long total = 0;
        for (int i = 0; i < instances; i++) {
            String iuid = series + "." + (i + 1);
            ds.setString(Tags.SOPInstanceUID, VR.UI, iuid);
            Path f = folder.resolve(String.format("%06d.dcm", i));
            Part10.write(f, ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
            total += Files.size(f);
        }
        return total;
    }

    private static Receiver dcmtkStorescp(Path work, int assocs) throws IOException, InterruptedException {
        Path out = Files.createTempDirectory(work, "dcmtk-in");
        int port = freePort();
        List<String> cmd = new ArrayList<>(List.of("storescp", "-od", out.toString()));
        if (assocs > 1) {
            cmd.add("--fork"); // DCMTK serves concurrent associations only by forking
        }
        cmd.add(String.valueOf(port));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("TCP_NODELAY", "1"); // else DCMTK waits ~40 ms per message (Nagle)
        Process p = pb.start();
        awaitListening(port);
        return new Receiver() {
            public int port() {
                return port;
            }

            public void close() throws Exception {
                p.destroy();
                p.waitFor();
                deleteTree(out);
            }
        };
    }

    private static Receiver ourScp(Path work, ExecutorService executor) throws IOException {
        Path out = Files.createTempDirectory(work, "ours-in");
        AcceptPolicy policy = new AcceptPolicy().accept(DimseServices.VERIFICATION, "1.2.840.10008.1.2")
                .acceptFamily(AcceptPolicy.STORAGE_CLASSES, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(),
                        TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid()).maxPduLength(262144);
        DicomServer server = new DicomServer(policy, new DimseServices().registerFamily(AcceptPolicy.STORAGE_CLASSES,
                new FolderStorage(out, false, null)).handlers(executor), executor);
        server.start(new InetSocketAddress("127.0.0.1", 0));
        return new Receiver() {
            public int port() {
                return server.port();
            }

            public void close() throws Exception {
                server.close();
                deleteTree(out);
            }
        };
    }

    /** DCMTK storescu, {@code assocs} processes in parallel, each sending its share of the files. */
    private static void dcmtkStorescuInto(Receiver receiver, List<Path> files, int assocs) throws Exception {
        try (receiver) {
            List<Process> procs = new ArrayList<>();
            for (List<Path> share : shares(files, assocs)) {
                List<String> cmd = new ArrayList<>(List.of("storescu", "-R", "127.0.0.1",
                        String.valueOf(receiver.port())));
                share.forEach(f -> cmd.add(f.toString()));
                ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
                pb.environment().put("TCP_NODELAY", "1");
                procs.add(pb.start());
            }
            for (Process p : procs) {
                if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                    throw new IllegalStateException("storescu failed: exit " + p.exitValue());
                }
            }
        }
    }

    private static void ourScuInto(Receiver receiver, List<Path> files, int assocs, ExecutorService executor)
            throws Exception {
        try (receiver) {
            List<Future<List<FileSender.Result>>> runs = new ArrayList<>();
            for (List<Path> share : shares(files, assocs)) {
                runs.add(executor.submit(() -> {
                    List<Part10Source> sources = new ArrayList<>();
                    for (Path f : share) {
                        sources.add(Part10Source.open(f));
                    }
                    return FileSender.send("127.0.0.1", receiver.port(), null, AssociateRequest::new,
                            new AssociationOptions(), sources, executor);
                }));
            }
            for (Future<List<FileSender.Result>> f : runs) {
                if (!f.get().stream().allMatch(FileSender.Result::ok)) {
                    throw new IllegalStateException("our storescu: some C-STOREs failed");
                }
            }
        }
    }

    private static List<List<Path>> shares(List<Path> files, int n) {
        List<List<Path>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new ArrayList<>());
        }
        for (int i = 0; i < files.size(); i++) {
            out.get(i % n).add(files.get(i));
        }
        return out;
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void awaitListening(int port) throws InterruptedException, IOException {
        for (int i = 0; i < 100; i++) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new IOException("storescp did not start on port " + port);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
