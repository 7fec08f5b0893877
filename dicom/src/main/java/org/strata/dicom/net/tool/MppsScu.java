package org.strata.dicom.net.tool;

import java.io.IOException;
import java.io.PrintStream;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.data.DateTimes;
import org.strata.dicom.dict.Tags;
import org.strata.dicom.dict.UIDs;
import org.strata.dicom.dimse.DimseChannel;
import org.strata.dicom.dimse.DimseResponse;
import org.strata.dicom.dimse.DimseServices;
import org.strata.dicom.dimse.Status;
import org.strata.dicom.net.AssociateRequest;
import org.strata.dicom.tool.Command;
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
                  --create                  N-CREATE a new MPPS instance (its UID is printed). Type 1
                                            attributes not given with -k are filled as a modality would:
                                            status IN PROGRESS, step ID, station AE (our AE title), start
                                            date/time now, Modality OT, one scheduled step with a new
                                            Study Instance UID
                  --uid UID                 with --create: the instance UID to use (default: a new 2.25 UID)
                  --set UID                 N-SET the MPPS instance UID (e.g. -k PerformedProcedureStepStatus=COMPLETED;
                                            a final status gets end date/time now unless given)
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
        String uid = create ? o.args.option("--uid", ToolSupport.newUid()) : setUid;
        AssociateRequest rq = o.request();
        LocalDateTime now = LocalDateTime.now();
        if (create) {
            fillCreate(attributes, uid, rq.callingAeTitle(), now);
        } else if (Set.of("COMPLETED", "DISCONTINUED").contains(
                String.valueOf(attributes.getString(Tags.PerformedProcedureStepStatus)).strip())) {
            fillIfAbsent(attributes, Tags.PerformedProcedureStepEndDate, DateTimes.formatDate(now.toLocalDate()));
            fillIfAbsent(attributes, Tags.PerformedProcedureStepEndTime, DateTimes.formatTime(now.toLocalTime()));
        }
        rq.addPresentationContext(UIDs.ModalityPerformedProcedureStep, "1.2.840.10008.1.2.1", "1.2.840.10008.1.2");
        return ToolSupport.session(hostPort.get(0), hostPort.get(1), o, rq, new DimseServices(), err, ch -> {
            int pc = ch.requireContext(UIDs.ModalityPerformedProcedureStep, null);
            DimseResponse rsp = DimseChannel.await(create
                    ? ch.nCreate(pc, UIDs.ModalityPerformedProcedureStep, uid, attributes)
                    : ch.nSet(pc, UIDs.ModalityPerformedProcedureStep, uid, attributes));
            out.println((create ? "N-CREATE " : "N-SET ") + uid + ": " + Status.toString(rsp.status())
                    + (rsp.errorComment() == null ? "" : " " + rsp.errorComment()));
            return ToolSupport.exitFor(rsp.status());
        });
    }

    /** The Type 1 attributes of an N-CREATE (PS3.4 Table F.7.2-1) the user did not give. */
    private static void fillCreate(Dataset attributes, String uid, String stationAe, LocalDateTime now) {
        fillIfAbsent(attributes, Tags.PerformedProcedureStepStatus, "IN PROGRESS");
        // SH holds 16 characters: the UID's tail keeps step IDs of one station apart.
        fillIfAbsent(attributes, Tags.PerformedProcedureStepID, uid.substring(Math.max(0, uid.length() - 16)));
        fillIfAbsent(attributes, Tags.PerformedStationAETitle, stationAe);
        fillIfAbsent(attributes, Tags.PerformedProcedureStepStartDate, DateTimes.formatDate(now.toLocalDate()));
        fillIfAbsent(attributes, Tags.PerformedProcedureStepStartTime, DateTimes.formatTime(now.toLocalTime()));
        fillIfAbsent(attributes, Tags.Modality, "OT");
        if (!attributes.contains(Tags.ScheduledStepAttributesSequence)) {
            attributes.newSequence(Tags.ScheduledStepAttributesSequence).addItem()
                    .setString(Tags.StudyInstanceUID, ToolSupport.newUid());
        }
    }

    private static void fillIfAbsent(Dataset attributes, int tag, String value) {
        if (!attributes.contains(tag)) {
            attributes.setString(tag, value);
        }
    }

    public static void main(String[] args) {
        ToolSupport.main(new MppsScu(), args);
    }
}
