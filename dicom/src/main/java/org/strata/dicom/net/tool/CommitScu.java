package org.strata.dicom.net.tool;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.data.Sequence;
import org.strata.dicom.data.VR;
import org.strata.dicom.dict.Tags;
import org.strata.dicom.dict.UIDs;
import org.strata.dicom.dimse.CommandField;
import org.strata.dicom.dimse.DimseChannel;
import org.strata.dicom.dimse.DimseResponse;
import org.strata.dicom.dimse.DimseServices;
import org.strata.dicom.dimse.Part10Source;
import org.strata.dicom.dimse.Status;
import org.strata.dicom.net.AcceptPolicy;
import org.strata.dicom.net.AssociateRequest;
import org.strata.dicom.net.DicomServer;
import org.strata.dicom.net.RoleSelection;
import org.strata.dicom.tool.ExitCode;
import org.strata.dicom.tool.UsageException;

/**
 * {@code commitscu HOST PORT FILE|DIR...}: Storage Commitment Push Model. Sends N-ACTION for the files' instances,
 * then waits for the N-EVENT-REPORT, on the same association or (with {@code --port}) on a new one it accepts.
 */
public final class CommitScu implements org.strata.dicom.tool.Command {
    @Override
    public String name() {
        return "commitscu";
    }

    @Override
    public String summary() {
        return "ask an archive to commit to storing files (Storage Commitment)";
    }

    @Override
    public String usage() {
        return """
                usage: strata-dicom commitscu [OPTIONS] HOST PORT FILE|DIR...
                Sends a Storage Commitment request (N-ACTION) naming every Part 10 file's SOP instance and waits
                for the result (N-EVENT-REPORT). Prints committed and failed instances.
                  --port PORT               release, then accept the report on a new association on PORT
                                            (default: wait for it on the same association)
                  --wait SECONDS            how long to wait for the report (default 30)
                """ + NetToolOptions.USAGE
                + "Exit codes: 0 all committed, 1 some failed or no report, 2 usage or connection error.\n";
    }

    @Override
    public int run(List<String> argv, PrintStream out, PrintStream err) throws UsageException, IOException {
        NetToolOptions o = new NetToolOptions(argv, Set.of("--port", "--wait"), Set.of());
        List<String> operands = o.args.operands(3, Integer.MAX_VALUE);
        long waitSeconds = o.args.longOption("--wait", 30, 1);
        String listenPort = o.args.option("--port", null);
        List<Part10Source> files = ToolSupport.part10Files(operands.subList(2, operands.size()), err,
                new ArrayList<Path>());
        String transactionUid = ToolSupport.newUid();
        Dataset action = new Dataset();
        action.setString(Tags.TransactionUID, VR.UI, transactionUid);
        Sequence refs = action.newSequence(Tags.ReferencedSOPSequence);
        for (Part10Source f : files) {
            Dataset item = refs.addItem();
            item.setString(Tags.ReferencedSOPClassUID, VR.UI, f.sopClassUid());
            item.setString(Tags.ReferencedSOPInstanceUID, VR.UI, f.sopInstanceUid());
        }
        CompletableFuture<Dataset> report = new CompletableFuture<>();
        DimseServices services = new DimseServices().register(UIDs.StorageCommitmentPushModel, rq -> {
            if (rq.command().commandField() != CommandField.N_EVENT_REPORT_RQ) {
                rq.respond(Status.UNRECOGNIZED_OPERATION);
                return;
            }
            Dataset info = rq.dataset();
            if (info == null || !transactionUid.equals(info.getString(Tags.TransactionUID))) {
                rq.respondError(Status.INVALID_ARGUMENT_VALUE, "unknown Transaction UID");
                return;
            }
            rq.respond(Status.SUCCESS);
            report.complete(info);
        });
        AssociateRequest rq = o.request();
        rq.addPresentationContext(UIDs.StorageCommitmentPushModel, "1.2.840.10008.1.2.1", "1.2.840.10008.1.2");
        rq.roleSelections().add(new RoleSelection(UIDs.StorageCommitmentPushModel, true, true));
        ExecutorService executor = Executors.newCachedThreadPool();
        DicomServer listener = null;
        try {
            if (listenPort != null) {
                listener = new DicomServer(new AcceptPolicy()
                        .accept(UIDs.StorageCommitmentPushModel, "1.2.840.10008.1.2.1", "1.2.840.10008.1.2")
                        .options(o.associationOptions()), services.handlers(executor), executor);
                listener.start(new InetSocketAddress(NetToolOptions.port(listenPort)));
            }
            DimseChannel ch = ToolSupport.open(operands.get(0), NetToolOptions.port(operands.get(1)), o, rq,
                    services, executor, err);
            if (ch == null) {
                return ExitCode.PROBLEM;
            }
            DimseResponse rsp = DimseChannel.await(ch.nAction(ch.requireContext(UIDs.StorageCommitmentPushModel, null),
                    UIDs.StorageCommitmentPushModel, UIDs.StorageCommitmentPushModelInstance, 1, action));
            out.println("N-ACTION: " + Status.toString(rsp.status()) + " (transaction " + transactionUid + ")");
            if (!Status.isSuccess(rsp.status())) {
                ch.release();
                return ExitCode.PROBLEM;
            }
            if (listener != null) {
                ch.release();
            }
            Dataset result = awaitReport(report, waitSeconds);
            if (ch.association().isOpen()) {
                ch.release();
            }
            if (result == null) {
                err.println("no N-EVENT-REPORT within " + waitSeconds + " s");
                return ExitCode.PROBLEM;
            }
            return printResult(result, files.size(), out);
        } finally {
            if (listener != null) {
                listener.close();
            }
            executor.shutdownNow();
        }
    }

    /** The event information of the report, or null if none came in time. */
    private static Dataset awaitReport(CompletableFuture<Dataset> report, long seconds) throws IOException {
        try {
            return report.get(seconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            throw new IOException("waiting for N-EVENT-REPORT failed: " + e.getCause(), e.getCause());
        }
    }

    private static int printResult(Dataset result, int requested, PrintStream out) {
        Sequence ok = result.getSequence(Tags.ReferencedSOPSequence);
        Sequence failed = result.getSequence(Tags.FailedSOPSequence);
        int committed = ok == null ? 0 : ok.size();
        if (failed != null) {
            for (Dataset f : failed) {
                out.println("failed: " + f.getString(Tags.ReferencedSOPInstanceUID) + " reason 0x"
                        + Integer.toHexString(f.getInt(Tags.FailureReason, 0)));
            }
        }
        out.println("committed " + committed + " of " + requested + " instances");
        return committed == requested && (failed == null || failed.isEmpty()) ? ExitCode.OK : ExitCode.PROBLEM;
    }

    public static void main(String[] args) {
        ToolSupport.main(new CommitScu(), args);
    }
}
