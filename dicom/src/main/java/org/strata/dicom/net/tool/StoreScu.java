package org.strata.dicom.net.tool;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.strata.dicom.dimse.FileSender;
import org.strata.dicom.dimse.Part10Source;
import org.strata.dicom.net.AssociateRequest;
import org.strata.dicom.net.AssociationRejectedException;
import org.strata.dicom.tool.Command;
import org.strata.dicom.tool.ExitCode;
import org.strata.dicom.tool.UsageException;

/** {@code storescu HOST PORT FILE|DIR...}: C-STORE of Part 10 files, streamed. */
public final class StoreScu implements Command {
    @Override
    public String name() {
        return "storescu";
    }

    @Override
    public String summary() {
        return "send DICOM files and folders with C-STORE";
    }

    @Override
    public String usage() {
        return """
                usage: strata-dicom storescu [OPTIONS] HOST PORT FILE|DIR...
                Sends every Part 10 file (folders recursively), proposing each file's own transfer syntax plus
                explicit/implicit VR little endian for uncompressed files. Data sets are streamed from disk.
                  --async N                 asynchronous operations window to propose (default 1)
                """ + NetToolOptions.USAGE + "Exit codes: 0 all stored, 1 some failed or skipped, 2 usage or connection error.\n";
    }

    @Override
    public int run(List<String> argv, PrintStream out, PrintStream err) throws UsageException, IOException {
        NetToolOptions o = new NetToolOptions(argv, Set.of("--async"), Set.of());
        List<String> operands = o.args.operands(3, Integer.MAX_VALUE);
        String host = operands.get(0);
        int port = NetToolOptions.port(operands.get(1));
        int async = (int) o.args.longOption("--async", 1, 0);
        List<Path> skipped = new ArrayList<>();
        List<Part10Source> files = ToolSupport.part10Files(operands.subList(2, operands.size()), err, skipped);
        AssociateRequest template = o.request();
        ExecutorService executor = Executors.newCachedThreadPool();
        try {
            List<FileSender.Result> results;
            try {
                results = FileSender.send(host, port, o.tls(), () -> {
                    AssociateRequest rq = copyOf(template);
                    rq.setAsyncOpsWindow(async, 1);
                    return rq;
                }, o.associationOptions(), files, executor);
            } catch (AssociationRejectedException e) {
                err.println("association rejected by " + host + ":" + port + ": " + e.reject());
                return ExitCode.PROBLEM;
            }
            long failed = results.stream().filter(r -> !r.ok()).peek(r -> err.println("failed: " + r)).count();
            if (o.verbose()) {
                results.stream().filter(FileSender.Result::ok).forEach(out::println);
            }
            out.println("stored " + (results.size() - failed) + " of " + files.size() + " files, " + failed
                    + " failed, " + skipped.size() + " skipped (not Part 10)");
            return failed == 0 && skipped.isEmpty() ? ExitCode.OK : ExitCode.PROBLEM;
        } finally {
            executor.shutdownNow();
        }
    }

    private static AssociateRequest copyOf(AssociateRequest t) {
        AssociateRequest rq = new AssociateRequest();
        rq.setCallingAeTitle(t.callingAeTitle());
        rq.setCalledAeTitle(t.calledAeTitle());
        rq.setMaxPduLength(t.maxPduLength());
        return rq;
    }

    public static void main(String[] args) {
        ToolSupport.main(new StoreScu(), args);
    }
}
