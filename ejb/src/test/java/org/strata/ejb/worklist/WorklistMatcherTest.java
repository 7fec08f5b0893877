package org.strata.ejb.worklist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.data.VR;
import org.strata.dicom.dict.Tags;

class WorklistMatcherTest {
    private final WorklistMatcher matcher = new WorklistMatcher(true);

    static Dataset item(String patientName, String station, String modality, String date, String time) {
        Dataset item = new Dataset()
                .setString(Tags.PatientName, VR.PN, patientName)
                .setString(Tags.PatientID, VR.LO, "P1")
                .setString(Tags.AccessionNumber, VR.SH, "ACC1")
                .setString(Tags.StudyInstanceUID, VR.UI, "1.2.3")
                .setString(Tags.RequestedProcedureID, VR.SH, "RP1");
        item.newSequence(Tags.ScheduledProcedureStepSequence).addItem()
                .setString(Tags.ScheduledStationAETitle, VR.AE, station)
                .setString(Tags.Modality, VR.CS, modality)
                .setString(Tags.ScheduledProcedureStepStartDate, VR.DA, date)
                .setString(Tags.ScheduledProcedureStepStartTime, VR.TM, time)
                .setString(Tags.ScheduledProcedureStepID, VR.SH, "SPS1");
        return item;
    }

    private static Dataset step(Dataset keys) {
        return keys.newSequence(Tags.ScheduledProcedureStepSequence).addItem();
    }

    @Test
    void keysInsideTheStepSequenceMatchTheStoredStep() {
        Dataset stored = item("Doe^John", "CT1", "CT", "20240105", "0930");
        Dataset keys = new Dataset();
        step(keys).setString(Tags.Modality, VR.CS, "CT").setString(Tags.ScheduledStationAETitle, VR.AE, "CT1");
        assertTrue(matcher.matches(keys, stored));
        step(keys).setString(Tags.Modality, VR.CS, "MR");
        assertFalse(matcher.matches(keys, stored));
    }

    @Test
    void anEmptySequenceKeyOrAnEmptyItemIsUniversal() {
        Dataset stored = item("Doe^John", "CT1", "CT", "20240105", "0930");
        Dataset keys = new Dataset();
        keys.newSequence(Tags.ScheduledProcedureStepSequence);
        assertTrue(matcher.matches(keys, stored));
        step(keys);
        assertTrue(matcher.matches(keys, stored));
        Dataset noSteps = new Dataset().setString(Tags.PatientID, VR.LO, "P1");
        step(keys).setString(Tags.Modality, VR.CS, "CT");
        assertFalse(matcher.matches(keys, noSteps), "a step key needs a step");
    }

    @Test
    void startDateAndTimeRangesMatchAsOneDateTimeRange() {
        Dataset keys = new Dataset();
        step(keys).setString(Tags.ScheduledProcedureStepStartDate, VR.DA, "20240105-20240106")
                .setString(Tags.ScheduledProcedureStepStartTime, VR.TM, "1200-0800");
        assertTrue(matcher.matches(keys, item("A", "S", "CT", "20240105", "2300")));
        assertTrue(matcher.matches(keys, item("A", "S", "CT", "20240106", "0700")));
        assertFalse(matcher.matches(keys, item("A", "S", "CT", "20240105", "1100")));
        assertFalse(matcher.matches(keys, item("A", "S", "CT", "20240106", "0900")));
    }

    @Test
    void namesMatchByWildcardWhateverTheCaseUnlessTheSettingSaysOtherwise() {
        Dataset stored = item("Müller^Jörg", "S", "CT", "20240105", "0930");
        Dataset keys = new Dataset().setString(Tags.PatientName, VR.PN, "mül*");
        assertTrue(matcher.matches(keys, stored));
        assertFalse(new WorklistMatcher(false).matches(keys, stored));
        keys.setString(Tags.PatientName, VR.PN, "M?ller^J*");
        assertTrue(new WorklistMatcher(false).matches(keys, stored));
    }

    @Test
    void otherTextIsSingleValueAndUidsAListAndEmptyValuesDoNotMatch() {
        Dataset stored = item("A", "S", "CT", "20240105", "0930");
        assertTrue(matcher.matches(new Dataset().setString(Tags.AccessionNumber, VR.SH, "ACC1"), stored));
        assertFalse(matcher.matches(new Dataset().setString(Tags.AccessionNumber, VR.SH, "acc1"), stored));
        assertTrue(matcher.matches(new Dataset().setString(Tags.StudyInstanceUID, VR.UI, "9.9", "1.2.3"), stored));
        assertFalse(matcher.matches(new Dataset().setString(Tags.PatientSex, VR.CS, "F"), stored),
                "the item has no sex");
        assertTrue(matcher.matches(new Dataset().setString(Tags.PatientSex, VR.CS, ""), stored));
    }

    @Test
    void theResponseHoldsTheKeysWithTheItemsValuesAndDeclaresUtf8ForOtherThanAscii() {
        Dataset stored = item("Müller^Jörg", "CT1", "CT", "20240105", "0930");
        Dataset keys = new Dataset().setString(Tags.PatientName, VR.PN, "")
                .setString(Tags.PatientBirthDate, VR.DA, "");
        step(keys).setString(Tags.Modality, VR.CS, "").setString(Tags.ScheduledProcedureStepStartDate, VR.DA, "");
        Dataset response = matcher.response(keys, stored);
        assertEquals("ISO_IR 192", response.getString(Tags.SpecificCharacterSet));
        assertEquals("Müller^Jörg", response.getString(Tags.PatientName));
        assertTrue(response.contains(Tags.PatientBirthDate) && response.getString(Tags.PatientBirthDate) == null);
        Dataset step = response.getSequence(Tags.ScheduledProcedureStepSequence).get(0);
        assertArrayEquals(new int[] {Tags.Modality, Tags.ScheduledProcedureStepStartDate}, step.tags());
        assertEquals("20240105", step.getString(Tags.ScheduledProcedureStepStartDate));
        assertFalse(response.contains(Tags.AccessionNumber), "not asked for");

        Dataset whole = new Dataset();
        whole.newSequence(Tags.ScheduledProcedureStepSequence);
        Dataset all = matcher.response(whole, item("Doe", "CT1", "CT", "20240105", "0930"));
        assertNull(all.getString(Tags.SpecificCharacterSet));
        assertEquals(5, all.getSequence(Tags.ScheduledProcedureStepSequence).get(0).size(), "an empty key: whole");
    }
}
