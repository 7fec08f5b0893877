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
        assertEquals(0x0106, refusal(() -> MppsRules.statusOfCreate(status("COMPLETED"))));
        assertEquals("IN PROGRESS", MppsRules.statusOfCreate(status("IN PROGRESS")));
    }

    @Test
    void aSetReplacesTheModifiedAttributesAndKeepsTheOthers() throws Exception {
        Dataset stored = status("IN PROGRESS");
        stored.setString(Tags.PerformedStationAETitle, VR.AE, "CT1");
        stored.setString(Tags.PerformedProcedureStepEndDate, VR.DA);
        Dataset set = status("COMPLETED");
        set.setString(Tags.PerformedProcedureStepEndDate, VR.DA, "20261128");
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
