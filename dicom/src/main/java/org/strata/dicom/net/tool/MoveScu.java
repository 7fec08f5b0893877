package org.strata.dicom.net.tool;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.dimse.DimseChannel;
import org.strata.dicom.dimse.DimseResponse;
import org.strata.dicom.dimse.DimseServices;
import org.strata.dicom.net.AssociateRequest;
import org.strata.dicom.tool.ExitCode;
import org.strata.dicom.tool.UsageException;

/** {@code movescu HOST PORT --dest AE -k KEY=VALUE...}: C-MOVE to a third (or our own) storage SCP. */
public final class MoveScu implements org.strata.dicom.tool.Command {
    @Override
    public String name() {
        return "movescu";
    }

    @Override
    public String summary() {
        return "make an archive send objects to a destination AE with C-MOVE";
    }

    @Override
    public String usage() {
        return """
                usage: strata-dicom movescu [OPTIONS] HOST PORT --dest AE -k KEY=VALUE...
                Sends one C-MOVE; the archive stores the matching objects to AE (which it must know).
                Prints the sub-operation progress and the final status.
                  --dest AE                 move destination AE title (required)
                  -k KEY[=VALUE]            identifier keys (QueryRetrieveLevel defaults to STUDY)
                """ + QueryModel.USAGE + NetToolOptions.USAGE
                + "Exit codes: 0 success, 1 failure/warning status, 2 usage or connection error.\n";
    }

    @Override
    public int run(List<String> argv, PrintStream out, PrintStream err) throws UsageException, IOException {
        NetToolOptions o = new NetToolOptions(argv, Set.of("--model", "--dest"), Set.of());
        List<String> hostPort = o.args.operands(2, 2);
        QueryModel model = QueryModel.of(o, true);
        String dest = o.args.option("--dest", null);
        if (dest == null) {
            throw new UsageException("--dest AE is required");
        }
        Dataset keys = RetrieveSupport.keys(o);
        AssociateRequest rq = o.request();
        rq.addPresentationContext(model.move, "1.2.840.10008.1.2.1", "1.2.840.10008.1.2");
        ExecutorService executor = Executors.newCachedThreadPool();
        try {
            DimseChannel ch = ToolSupport.open(hostPort.get(0), NetToolOptions.port(hostPort.get(1)), o, rq,
                    new DimseServices(), executor, err);
            if (ch == null) {
                return ExitCode.PROBLEM;
            }
            DimseResponse done = DimseChannel.await(ch.move(ch.requireContext(model.move, null), model.move,
                    NetToolOptions.aeTitle(dest), keys, p -> out.println("C-MOVE " + RetrieveSupport.progress(p))));
            out.println("C-MOVE done: " + RetrieveSupport.progress(done));
            ch.release();
            return ToolSupport.exitFor(done.status());
        } finally {
            executor.shutdownNow();
        }
    }

    public static void main(String[] args) {
        ToolSupport.main(new MoveScu(), args);
    }
}
