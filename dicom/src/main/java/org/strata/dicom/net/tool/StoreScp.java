package org.strata.dicom.net.tool;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import javax.net.ServerSocketFactory;
import org.strata.dicom.dimse.DimseServices;
import org.strata.dicom.dimse.FolderStorage;
import org.strata.dicom.net.AcceptPolicy;
import org.strata.dicom.net.Association;
import org.strata.dicom.net.DicomServer;
import org.strata.dicom.net.MessageHandler;
import org.strata.dicom.net.TlsConfig;
import org.strata.dicom.tool.Command;
import org.strata.dicom.tool.ExitCode;
import org.strata.dicom.tool.UsageException;

/** {@code storescp --dir FOLDER PORT}: C-STORE SCP writing Part 10 files; also answers C-ECHO. */
public final class StoreScp implements Command {
    @Override
    public String name() {
        return "storescp";
    }

    @Override
    public String summary() {
        return "receive DICOM objects with C-STORE into a folder";
    }

    @Override
    public String usage() {
        return """
                usage: strata-dicom storescp [OPTIONS] --dir FOLDER PORT
                Accepts every storage SOP class in any transfer syntax and writes each instance as
                FOLDER/<SOP Instance UID>.dcm (meta information + the received bytes). Runs until killed.
                  --dir FOLDER              where to write (created if missing)
                  --aet TITLE               accept only associations called TITLE (default: any)
                  --bind ADDRESS            listen address (default 0.0.0.0)
                  --max-associations N      concurrent associations (default 100)
                  --sync                    fsync each file before answering success
                  --exit-after N            stop after N associations have ended (scripts, tests)
                """ + NetToolOptions.USAGE;
    }

    @Override
    public int run(List<String> argv, PrintStream out, PrintStream err) throws UsageException, IOException {
        NetToolOptions o = new NetToolOptions(argv, Set.of("--dir", "--bind", "--max-associations", "--exit-after"),
                Set.of("--sync"));
        int port = NetToolOptions.port(o.args.operands(1, 1).get(0));
        String dir = o.args.option("--dir", null);
        if (dir == null) {
            throw new UsageException("--dir FOLDER is required");
        }
        Path folder = Files.createDirectories(Path.of(dir));
        long exitAfter = o.args.longOption("--exit-after", 0, 0);
        AcceptPolicy policy = new AcceptPolicy()
                .accept(DimseServices.VERIFICATION, "1.2.840.10008.1.2.1", "1.2.840.10008.1.2")
                .acceptFamily(AcceptPolicy.STORAGE_CLASSES, AcceptPolicy.ANY_TRANSFER_SYNTAX)
                .maxPduLength(o.maxPdu())
                .maxAssociations((int) o.args.longOption("--max-associations", 100, 1))
                .options(o.associationOptions());
        String aet = o.args.option("--aet", null);
        if (aet != null) {
            policy.calledAeTitles(NetToolOptions.aeTitle(aet));
        }
        boolean verbose = o.verbose();
        DimseServices services = new DimseServices().registerFamily(AcceptPolicy.STORAGE_CLASSES,
                new FolderStorage(folder, o.args.flag("--sync"), verbose ? p -> out.println("stored " + p) : null));
        CountDownLatch ended = new CountDownLatch(exitAfter > 0 ? (int) exitAfter : 1);
        ExecutorService executor = Executors.newCachedThreadPool();
        Function<Association, MessageHandler> handlers = services.handlers(executor);
        try (DicomServer server = new DicomServer(policy, as -> countingCloses(handlers.apply(as), ended),
                executor)) {
            TlsConfig tls = o.tls();
            server.start(new InetSocketAddress(o.args.option("--bind", "0.0.0.0"), port),
                    tls == null ? ServerSocketFactory.getDefault() : tls.serverSocketFactory());
            out.println("storescp listening on port " + server.port() + ", writing into " + folder);
            ended.await();
            return ExitCode.OK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCode.OK;
        } finally {
            executor.shutdownNow();
        }
    }

    private static MessageHandler countingCloses(MessageHandler handler, CountDownLatch ended) {
        return new MessageHandler() {
            @Override
            public void onCommand(Association association, int pcid, byte[] command) throws IOException {
                handler.onCommand(association, pcid, command);
            }

            @Override
            public void onReleaseRequested(Association association) {
                handler.onReleaseRequested(association);
            }

            @Override
            public void onClose(Association association, IOException cause) {
                handler.onClose(association, cause);
                ended.countDown();
            }
        };
    }

    public static void main(String[] args) {
        ToolSupport.main(new StoreScp(), args);
    }
}
