package org.strata.dicom.net.tool;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.dict.Tags;
import org.strata.dicom.dimse.DimseChannel;
import org.strata.dicom.dimse.DimseResponse;
import org.strata.dicom.dimse.DimseServices;
import org.strata.dicom.dimse.Status;
import org.strata.dicom.net.AssociateRequest;
import org.strata.dicom.tool.Command;
import org.strata.dicom.tool.ExitCode;
import org.strata.dicom.tool.UsageException;

/** {@code findscu HOST PORT -k KEY[=VALUE]...}: C-FIND, printing each match. */
public final class FindScu implements Command {
    @Override
    public String name() {
        return "findscu";
    }

    @Override
    public String summary() {
        return "query a DICOM archive or worklist with C-FIND";
    }

    @Override
    public String usage() {
        return """
                usage: strata-dicom findscu [OPTIONS] HOST PORT -k KEY[=VALUE]...
                Sends one C-FIND with the given keys and prints each match, then the final status.
                  -k KEY[=VALUE]            matching/return key: keyword or gggg,eeee; multiple values with \\
                                            (QueryRetrieveLevel defaults to STUDY for the Q/R models)
                  --cancel-after N          send C-CANCEL after N matches
                """ + QueryModel.USAGE + NetToolOptions.USAGE
                + "Exit codes: 0 success, 1 failure or cancel status, 2 usage or connection error.\n";
    }

    @Override
    public int run(List<String> argv, PrintStream out, PrintStream err) throws UsageException, IOException {
        NetToolOptions o = new NetToolOptions(argv, Set.of("--model", "--cancel-after"), Set.of());
        List<String> hostPort = o.args.operands(2, 2);
        QueryModel model = QueryModel.of(o, false);
        long cancelAfter = o.args.longOption("--cancel-after", 0, 1);
        Dataset keys = o.keyDataset();
        if (model != QueryModel.WORKLIST && !keys.contains(Tags.QueryRetrieveLevel)) {
            keys.setString(Tags.QueryRetrieveLevel, "STUDY");
        }
        AssociateRequest rq = o.request();
        rq.addPresentationContext(model.find, "1.2.840.10008.1.2.1", "1.2.840.10008.1.2");
        ExecutorService executor = Executors.newCachedThreadPool();
        try {
            DimseChannel ch = ToolSupport.open(hostPort.get(0), NetToolOptions.port(hostPort.get(1)), o, rq,
                    new DimseServices(), executor, err);
            if (ch == null) {
                return ExitCode.PROBLEM;
            }
            int pc = ch.requireContext(model.find, null);
            AtomicInteger matches = new AtomicInteger();
            DimseResponse done = DimseChannel.await(ch.find(pc, model.find, keys, match -> {
                out.println("# match " + matches.incrementAndGet());
                try {
                    ToolSupport.print(match.dataset(), out);
                } catch (IOException e) {
                    out.println("(unparsable identifier: " + e.getMessage() + ")");
                }
                if (matches.get() == cancelAfter) {
                    try {
                        ch.cancel(pc, match.command().messageIdBeingRespondedTo());
                    } catch (IOException e) {
                        err.println("cannot send C-CANCEL: " + e.getMessage());
                    }
                }
            }));
            out.println("C-FIND done: " + matches.get() + " matches, " + Status.toString(done.status())
                    + (done.errorComment() == null ? "" : " " + done.errorComment()));
            ch.release();
            return ToolSupport.exitFor(done.status());
        } finally {
            executor.shutdownNow();
        }
    }

    public static void main(String[] args) {
        ToolSupport.main(new FindScu(), args);
    }
}
