package org.strata.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.data.VR;
import org.strata.dicom.dict.Tags;
import org.strata.dicom.dict.UIDs;
import org.strata.dicom.dimse.Command;
import org.strata.dicom.dimse.DimseChannel;
import org.strata.dicom.dimse.DimseResponse;
import org.strata.dicom.dimse.DimseServices;
import org.strata.dicom.net.AssociateRequest;
import org.strata.dicom.net.AssociationOptions;
import org.strata.dicom.net.tool.MppsScu;

/** Modality Performed Procedure Step against the running archive with the toolkit's mppsscu (PS3.4 F.7). */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MppsIT {
    private static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "mpps-it");
        t.setDaemon(true);
        return t;
    });

    /** What mppsscu printed and its exit code. */
    private record Outcome(int exit, String output) {
    }

    @Test
    void aStepInProgressIsCompletedAndThenNoLongerChanges() throws Exception {
        String uid = Dicom.newUid();
        Outcome created = mppsscu("--create", "--uid", uid, "-k", "PatientID=MPPS-IT", "-k", "Modality=CT");
        assertEquals(0, created.exit(), created.output());
        assertTrue(created.output().contains("N-CREATE " + uid + ": Success (0x0000)"), created.output());

        Outcome completed = mppsscu("--set", uid, "-k", "PerformedProcedureStepStatus=COMPLETED",
                "-k", "PerformedProcedureStepEndDate=20261128");
        assertEquals(0, completed.exit(), completed.output());

        Outcome after = mppsscu("--set", uid, "-k", "PerformedProcedureStepStatus=DISCONTINUED");
        assertEquals(1, after.exit(), after.output());
        assertTrue(after.output().contains("Failure (0x0110) step is COMPLETED and may no longer be updated"),
                after.output());
    }

    @Test
    void aDiscontinuedStepIsFinalToo() throws Exception {
        String uid = Dicom.newUid();
        assertEquals(0, mppsscu("--create", "--uid", uid).exit());
        assertEquals(0, mppsscu("--set", uid, "-k", "PerformedProcedureStepStatus=DISCONTINUED").exit());
        Outcome after = mppsscu("--set", uid, "-k", "PerformedProcedureStepEndTime=120000");
        assertTrue(after.output().contains("Failure (0x0110) step is DISCONTINUED"), after.output());
    }

    @Test
    void refusalsNameTheirStatus() throws Exception {
        String uid = Dicom.newUid();
        Outcome notInProgress = mppsscu("--create", "--uid", uid, "-k", "PerformedProcedureStepStatus=COMPLETED");
        assertTrue(notInProgress.output().contains("Failure (0x0106)"), notInProgress.output());

        assertEquals(0, mppsscu("--create", "--uid", uid).exit());
        Outcome duplicate = mppsscu("--create", "--uid", uid);
        assertTrue(duplicate.output().contains("Failure (0x0111)"), duplicate.output());

        Outcome invalidStatus = mppsscu("--set", uid, "-k", "PerformedProcedureStepStatus=FINISHED");
        assertTrue(invalidStatus.output().contains("Failure (0x0106)"), invalidStatus.output());

        Outcome unknown = mppsscu("--set", Dicom.newUid(), "-k", "PerformedProcedureStepStatus=COMPLETED");
        assertTrue(unknown.output().contains("Failure (0x0112)"), unknown.output());

        Outcome noStation = mppsscu("--create", "-k", "PerformedStationAETitle");
        assertTrue(noStation.output().contains("Failure (0x0121) PerformedStationAETitle has no value"),
                noStation.output());
        Outcome noEndTime = mppsscu("--set", uid, "-k", "PerformedProcedureStepStatus=COMPLETED",
                "-k", "PerformedProcedureStepEndTime");
        assertTrue(noEndTime.output().contains("Failure (0x0121) PerformedProcedureStepEndTime has no value"),
                noEndTime.output());
        assertEquals(0, mppsscu("--set", uid, "-k", "PerformedProcedureStepStatus=COMPLETED").exit(),
                "the refused N-SET changed nothing: the step is still IN PROGRESS");
    }

    @Test
    void aStepWithoutUidGetsOneFromTheArchiveAndKeepsItsScheduledStudy() throws Exception {
        Dataset attributes = new Dataset();
        attributes.setString(Tags.PerformedProcedureStepStatus, VR.CS, "IN PROGRESS");
        attributes.setString(Tags.PerformedProcedureStepID, VR.SH, "IT-1");
        attributes.setString(Tags.PerformedStationAETitle, VR.AE, "MPPS-IT");
        attributes.setString(Tags.PerformedProcedureStepStartDate, VR.DA, "20261128");
        attributes.setString(Tags.PerformedProcedureStepStartTime, VR.TM, "093000");
        attributes.setString(Tags.Modality, VR.CS, "MR");
        attributes.newSequence(Tags.ScheduledStepAttributesSequence).addItem()
                .setString(Tags.StudyInstanceUID, VR.UI, Dicom.newUid());
        AssociateRequest rq = new AssociateRequest();
        rq.setCallingAeTitle("MPPS-IT");
        rq.setCalledAeTitle("STRATA");
        rq.addPresentationContext(UIDs.ModalityPerformedProcedureStep, UIDs.ExplicitVRLittleEndian);
        DimseChannel ch = DimseChannel.open("127.0.0.1", StrataServer.DICOM_PORT, null, rq, new AssociationOptions(),
                new DimseServices(), EXECUTOR);
        String assigned;
        try {
            int pc = ch.requireContext(UIDs.ModalityPerformedProcedureStep, null);
            DimseResponse created = DimseChannel.await(ch.nCreate(pc, UIDs.ModalityPerformedProcedureStep, null,
                    attributes));
            assertEquals(0, created.status(), String.valueOf(created.errorComment()));
            assigned = created.command().getString(Command.AFFECTED_SOP_INSTANCE_UID);
            assertNotNull(assigned, "the archive returns the UID it assigned");
        } finally {
            ch.release();
        }
        assertEquals(0, mppsscu("--set", assigned, "-k", "PerformedProcedureStepStatus=COMPLETED").exit());
    }

    private static Outcome mppsscu(String... options) throws Exception {
        List<String> argv = new ArrayList<>(List.of(options));
        argv.addAll(List.of("--aec", "STRATA", "127.0.0.1", String.valueOf(StrataServer.DICOM_PORT)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int exit = new MppsScu().run(argv, print, print);
        return new Outcome(exit, out.toString(StandardCharsets.UTF_8));
    }
}
