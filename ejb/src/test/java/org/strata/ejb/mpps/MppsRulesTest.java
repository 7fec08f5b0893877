package org.strata.ejb.mpps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.data.VR;
import org.strata.dicom.dict.Tags;
import org.strata.ejb.dimse.DimseRefusal;

class MppsRulesTest {

    @Test
    void aStepIsCreatedOnlyInProgress() throws Exception {
        assertEquals(0x0120, refusal(() -> MppsRules.statusOfCreate(new Dataset())));
        assertEquals(0x0106, refusal(() -> MppsRules.statusOfCreate(created("COMPLETED"))));
        assertEquals("IN PROGRESS", MppsRules.statusOfCreate(created("IN PROGRESS")));
    }

    @Test
    void aCreateNamesTheType1AttributeItLacksOrThatIsEmpty() {
        Dataset withoutStation = created("IN PROGRESS");
        withoutStation.remove(Tags.PerformedStationAETitle);
        DimseRefusal missing = assertThrows(DimseRefusal.class, () -> MppsRules.statusOfCreate(withoutStation));
        assertEquals(0x0120, missing.status());
        assertEquals("PerformedStationAETitle missing", missing.getMessage());

        Dataset emptyStart = created("IN PROGRESS").setString(Tags.PerformedProcedureStepStartDate, VR.DA);
        assertEquals(0x0121, refusal(() -> MppsRules.statusOfCreate(emptyStart)));

        Dataset noScheduledStep = created("IN PROGRESS");
        noScheduledStep.newSequence(Tags.ScheduledStepAttributesSequence);
        assertEquals(0x0121, refusal(() -> MppsRules.statusOfCreate(noScheduledStep)));
    }

    @Test
    void aFinalStepNeedsItsEndDateAndTime() throws Exception {
        Dataset stored = created("IN PROGRESS");
        Dataset completed = status("COMPLETED").setString(Tags.PerformedProcedureStepEndDate, VR.DA, "20261128");
        DimseRefusal refusal = assertThrows(DimseRefusal.class,
                () -> MppsRules.applySet("IN PROGRESS", stored, completed));
        assertEquals(0x0120, refusal.status());
        assertEquals("PerformedProcedureStepEndTime missing for a step COMPLETED", refusal.getMessage());

        completed.setString(Tags.PerformedProcedureStepEndTime, VR.TM, "101500");
        assertEquals("COMPLETED", MppsRules.statusOf(MppsRules.applySet("IN PROGRESS", stored, completed)));
        // An intermediate N-SET may leave them out.
        assertEquals("IN PROGRESS", MppsRules.statusOf(MppsRules.applySet("IN PROGRESS", stored,
                new Dataset().setString(Tags.PerformedProcedureStepDescription, VR.LO, "head"))));
    }

    @Test
    void aSetReplacesTheModifiedAttributesAndKeepsTheOthers() throws Exception {
        Dataset stored = status("IN PROGRESS");
        stored.setString(Tags.PerformedStationAETitle, VR.AE, "CT1");
        stored.setString(Tags.PerformedProcedureStepEndDate, VR.DA);
        Dataset set = status("COMPLETED");
        set.setString(Tags.PerformedProcedureStepEndDate, VR.DA, "20261128");
        set.setString(Tags.PerformedProcedureStepEndTime, VR.TM, "101500");
        set.newSequence(Tags.PerformedSeriesSequence).addItem().setString(Tags.SeriesInstanceUID, VR.UI, "1.2.3");

        Dataset merged = MppsRules.decode(MppsRules.encode(MppsRules.applySet("IN PROGRESS", stored, set)));

        assertEquals("COMPLETED", MppsRules.statusOf(merged));
        assertEquals("CT1", merged.getString(Tags.PerformedStationAETitle));
        assertEquals("20261128", merged.getString(Tags.PerformedProcedureStepEndDate));
        assertEquals("1.2.3", merged.getSequence(Tags.PerformedSeriesSequence).get(0)
                .getString(Tags.SeriesInstanceUID));
        assertEquals("IN PROGRESS", MppsRules.statusOf(stored), "the stored data set itself is not changed");
    }

    @Test
    void nothingChangesAfterAFinalStateAndNoStatusIsInvented() {
        assertEquals(0x0110, refusal(() -> MppsRules.applySet("COMPLETED", status("COMPLETED"),
                status("IN PROGRESS"))));
        assertEquals(0x0110, refusal(() -> MppsRules.applySet("DISCONTINUED", status("DISCONTINUED"),
                new Dataset())));
        assertEquals(0x0106, refusal(() -> MppsRules.applySet("IN PROGRESS", status("IN PROGRESS"),
                status("FINISHED"))));
    }

    @Test
    void theStudyIsTheOneTheFirstScheduledStepNames() {
        Dataset attributes = status("IN PROGRESS");
        assertNull(MppsRules.studyUidOf(attributes));
        attributes.newSequence(Tags.ScheduledStepAttributesSequence).addItem()
                .setString(Tags.StudyInstanceUID, VR.UI, "1.2.840.99");
        assertEquals("1.2.840.99", MppsRules.studyUidOf(attributes));
    }

    /** An N-CREATE attribute list with every Type 1 attribute. */
    private static Dataset created(String status) {
        Dataset attributes = status(status)
                .setString(Tags.PerformedProcedureStepID, VR.SH, "PPS1")
                .setString(Tags.PerformedStationAETitle, VR.AE, "CT1")
                .setString(Tags.PerformedProcedureStepStartDate, VR.DA, "20261128")
                .setString(Tags.PerformedProcedureStepStartTime, VR.TM, "100000")
                .setString(Tags.Modality, VR.CS, "CT");
        attributes.newSequence(Tags.ScheduledStepAttributesSequence).addItem()
                .setString(Tags.StudyInstanceUID, VR.UI, "1.2.840.99");
        return attributes;
    }

    private static Dataset status(String status) {
        return new Dataset().setString(Tags.PerformedProcedureStepStatus, VR.CS, status);
    }

    private interface Rule {
        void apply() throws Exception;
    }

    private static int refusal(Rule rule) {
        return assertThrows(DimseRefusal.class, rule::apply).status();
    }
}
