package org.strata.dicom.net.tool;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.dict.Tags;
import org.strata.dicom.dict.UIDs;
import org.strata.dicom.dimse.DimseChannel;
import org.strata.dicom.dimse.DimseResponse;
import org.strata.dicom.dimse.DimseServices;
import org.strata.dicom.dimse.Status;
import org.strata.dicom.net.AssociateRequest;
import org.strata.dicom.tool.Command;
import org.strata.dicom.tool.ExitCode;
import org.strata.dicom.tool.UsageException;

/** {@code mppsscu HOST PORT --create|--set UID -k KEY=VALUE...}: Modality Performed Procedure Step. */
public final class MppsScu implements Command {
    @Override
    public String name() {
        return "mppsscu";
    }

    @Override
    public String summary() {
        return "report a performed procedure step (MPPS N-CREATE / N-SET)";
    }

    @Override
    public String usage() {
        return """
                usage: strata-dicom mppsscu [OPTIONS] HOST PORT (--create | --set UID) -k KEY=VALUE...
                  --create                  N-CREATE a new MPPS instance (its UID is printed; PPS status
                                            defaults to IN PROGRESS)
                  --uid UID                 with --create: the instance UID to use (default: a new 2.25 UID)
                  --set UID                 N-SET the MPPS instance UID (e.g. -k PerformedProcedureStepStatus=COMPLETED)
                  -k KEY[=VALUE]            attributes to send
                """ + NetToolOptions.USAGE
                + "Exit codes: 0 success, 1 failure status, 2 usage or connection error.\n";
    }

    @Override
    public int run(List<String> argv, PrintStream out, PrintStream err) throws UsageException, IOException {
        NetToolOptions o = new NetToolOptions(argv, Set.of("--set", "--uid"), Set.of("--create"));
        List<String> hostPort = o.args.operands(2, 2);
        boolean create = o.args.flag("--create");
        String setUid = o.args.option("--set", null);
        if (create == (setUid != null)) {
            throw new UsageException("give exactly one of --create and --set UID");
        }
        Dataset attributes = o.keyDataset();
        if (create && !attributes.contains(Tags.PerformedProcedureStepStatus)) {
            attributes.setString(Tags.PerformedProcedureStepStatus, "IN PROGRESS");
        }
        String uid = create ? o.args.option("--uid", ToolSupport.newUid()) : setUid;
        AssociateRequest rq = o.request();
        rq.addPresentationContext(UIDs.ModalityPerformedProcedureStep, "1.2.840.10008.1.2.1", "1.2.840.10008.1.2");
        ExecutorService executor = Executors.newCachedThreadPool();
        try {
            DimseChannel ch = ToolSupport.open(hostPort.get(0), NetToolOptions.port(hostPort.get(1)), o, rq,
                    new DimseServices(), executor, err);
            if (ch == null) {
                return ExitCode.PROBLEM;
            }
            int pc = ch.requireContext(UIDs.ModalityPerformedProcedureStep, null);
            DimseResponse rsp = DimseChannel.await(create
                    ? ch.nCreate(pc, UIDs.ModalityPerformedProcedureStep, uid, attributes)
                    : ch.nSet(pc, UIDs.ModalityPerformedProcedureStep, uid, attributes));
            out.println((create ? "N-CREATE " : "N-SET ") + uid + ": " + Status.toString(rsp.status())
                    + (rsp.errorComment() == null ? "" : " " + rsp.errorComment()));
            ch.release();
            return ToolSupport.exitFor(rsp.status());
        } finally {
            executor.shutdownNow();
        }
    }

    public static void main(String[] args) {
        ToolSupport.main(new MppsScu(), args);
    }
}
