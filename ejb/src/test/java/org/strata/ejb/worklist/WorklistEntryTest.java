package org.strata.ejb.worklist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.data.VR;
import org.strata.dicom.dict.Tags;
import org.strata.persistence.worklist.ScheduledProcedureStep;

class WorklistEntryTest {

    @Test
    void aCompleteItemFillsTheColumnsAndIsKeptWholeWithAScheduledStatus() throws Exception {
        Dataset item = WorklistMatcherTest.item("Müller^Jörg", "CT1", "CT", "20240105", "0930");
        ScheduledProcedureStep row = WorklistEntry.row(item);
        assertEquals("SCHEDULED", row.getStatus());
        assertEquals("Müller^Jörg", row.getPatientName());
        assertEquals("CT1", row.getStationAeTitle());
        assertEquals("20240105", row.getStartDate());
        assertEquals("0930", row.getStartTime());
        assertEquals("SPS1", row.getStepId());
        Dataset stored = WorklistEntry.item(row);
        assertEquals("Müller^Jörg", stored.getString(Tags.PatientName));
        assertEquals("SCHEDULED", stored.getSequence(Tags.ScheduledProcedureStepSequence).get(0)
                .getString(Tags.ScheduledProcedureStepStatus));
    }

    @Test
    void missingOrWrongRequiredAttributesAreRefusedNamingThem() {
        Dataset noPatient = WorklistMatcherTest.item("A", "CT1", "CT", "20240105", "0930");
        noPatient.remove(Tags.PatientID);
        assertEquals("PatientID (0010,0020) is required", refusal(noPatient));

        Dataset badDate = WorklistMatcherTest.item("A", "CT1", "CT", "20240231", "0930");
        assertEquals("ScheduledProcedureStepStartDate (0040,0002) is not a date YYYYMMDD: 20240231", refusal(badDate));

        Dataset badTime = WorklistMatcherTest.item("A", "CT1", "CT", "20240105", "2500");
        assertEquals("ScheduledProcedureStepStartTime (0040,0003) is not a time HHMMSS.FFFFFF: 2500",
                refusal(badTime));

        Dataset longStation = WorklistMatcherTest.item("A", "STATION-NAME-TOO-LONG", "CT", "20240105", "0930");
        assertEquals("ScheduledStationAETitle (0040,0001) is longer than 16 characters", refusal(longStation));

        Dataset twoSteps = WorklistMatcherTest.item("A", "CT1", "CT", "20240105", "0930");
        twoSteps.getSequence(Tags.ScheduledProcedureStepSequence).addItem();
        assertEquals("ScheduledProcedureStepSequence (0040,0100) must hold exactly one item (one entry per scheduled"
                + " procedure step)", refusal(twoSteps));

        Dataset badUid = WorklistMatcherTest.item("A", "CT1", "CT", "20240105", "0930")
                .setString(Tags.StudyInstanceUID, VR.UI, "1.2.x");
        assertEquals("StudyInstanceUID (0020,000D) is not a UID: 1.2.x", refusal(badUid));
    }

    private static String refusal(Dataset item) {
        return assertThrows(InvalidWorklistEntryException.class, () -> WorklistEntry.row(item)).getMessage();
    }
}
