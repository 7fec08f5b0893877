package org.strata.ejb.worklist;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.data.Sequence;
import org.strata.dicom.data.VR;
import org.strata.dicom.dict.Tags;
import org.strata.dicom.json.BulkDataPolicy;
import org.strata.dicom.json.DicomJsonReader;
import org.strata.dicom.json.DicomJsonWriter;
import org.strata.persistence.worklist.ScheduledProcedureStep;

/**
 * A worklist item (PS3.4 K.6.1.2.2) turned into a {@link ScheduledProcedureStep} row: its required attributes are
 * checked (Patient ID and Name, Study Instance UID, Requested Procedure ID, and exactly one Scheduled Procedure Step
 * with Scheduled Station AE Title, Modality, Start Date and Time and SPS ID), the columns are filled and the item is
 * kept whole as DICOM JSON.
 */
final class WorklistEntry {
    private static final Pattern UID = Pattern.compile("[0-9]+(\\.[0-9]+)*");
    private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3])([0-5][0-9]([0-5][0-9](\\.[0-9]{1,6})?)?)?");
    /** The most characters the item column holds. */
    private static final int MAX_JSON = 1_000_000;

    private WorklistEntry() {
    }

    /** A new SCHEDULED row for the item; a step without status gets SCHEDULED in the item too. */
    static ScheduledProcedureStep row(Dataset item) throws InvalidWorklistEntryException {
        Sequence steps = item.getSequence(Tags.ScheduledProcedureStepSequence);
        if (steps == null || steps.size() != 1) {
            throw new InvalidWorklistEntryException("ScheduledProcedureStepSequence (0040,0100) must hold exactly one"
                    + " item (one entry per scheduled procedure step)");
        }
        Dataset step = steps.get(0);
        ScheduledProcedureStep row = new ScheduledProcedureStep();
        row.setPatientId(text(item, Tags.PatientID, "PatientID", 64, true));
        row.setPatientName(text(item, Tags.PatientName, "PatientName", 324, true));
        row.setBirthDate(date(item, Tags.PatientBirthDate, "PatientBirthDate", false));
        row.setSex(text(item, Tags.PatientSex, "PatientSex", 16, false));
        row.setAccessionNumber(text(item, Tags.AccessionNumber, "AccessionNumber", 16, false));
        row.setRequestedProcedureId(text(item, Tags.RequestedProcedureID, "RequestedProcedureID", 16, true));
        row.setRequestedProcedureDescription(text(item, Tags.RequestedProcedureDescription,
                "RequestedProcedureDescription", 64, false));
        String studyUid = text(item, Tags.StudyInstanceUID, "StudyInstanceUID", 64, true);
        if (!UID.matcher(studyUid).matches()) {
            throw new InvalidWorklistEntryException("StudyInstanceUID (0020,000D) is not a UID: " + studyUid);
        }
        row.setStudyInstanceUid(studyUid);
        row.setReferringPhysician(text(item, Tags.ReferringPhysicianName, "ReferringPhysicianName", 324, false));
        row.setStepId(text(step, Tags.ScheduledProcedureStepID, "ScheduledProcedureStepID", 16, true));
        row.setStationAeTitle(text(step, Tags.ScheduledStationAETitle, "ScheduledStationAETitle", 16, true));
        row.setModality(text(step, Tags.Modality, "Modality", 16, true));
        row.setStartDate(date(step, Tags.ScheduledProcedureStepStartDate, "ScheduledProcedureStepStartDate", true));
        String time = text(step, Tags.ScheduledProcedureStepStartTime, "ScheduledProcedureStepStartTime", 16, true);
        if (!TIME.matcher(time).matches()) {
            throw new InvalidWorklistEntryException(
                    "ScheduledProcedureStepStartTime (0040,0003) is not a time HHMMSS.FFFFFF: " + time);
        }
        row.setStartTime(time);
        row.setPerformingPhysician(text(step, Tags.ScheduledPerformingPhysicianName,
                "ScheduledPerformingPhysicianName", 324, false));
        row.setStepDescription(text(step, Tags.ScheduledProcedureStepDescription,
                "ScheduledProcedureStepDescription", 64, false));
        if (step.getString(Tags.ScheduledProcedureStepStatus) == null) {
            step.setString(Tags.ScheduledProcedureStepStatus, VR.CS, ScheduledProcedureStep.SCHEDULED);
        }
        String json = json(item);
        if (json.length() > MAX_JSON) {
            throw new InvalidWorklistEntryException("the entry is larger than " + MAX_JSON + " characters as JSON");
        }
        row.setItem(json);
        row.setStatus(ScheduledProcedureStep.SCHEDULED);
        return row;
    }

    /** The stored item of a row. */
    static Dataset item(ScheduledProcedureStep row) {
        try {
            return DicomJsonReader.read(new ByteArrayInputStream(row.getItem().getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            // Only this class writes the column; unreadable JSON there is a damaged database.
            throw new UncheckedIOException("worklist entry " + row.getPk() + " holds unreadable JSON", e);
        }
    }

    private static String json(Dataset item) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            DicomJsonWriter.write(item, out, BulkDataPolicy.INLINE, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array stream does not fail
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String text(Dataset item, int tag, String keyword, int maxLength, boolean required)
            throws InvalidWorklistEntryException {
        String value = item.getString(tag);
        if (value == null || value.isBlank()) {
            if (required) {
                throw new InvalidWorklistEntryException(keyword + " " + tag(tag) + " is required");
            }
            return null;
        }
        if (value.length() > maxLength) {
            throw new InvalidWorklistEntryException(keyword + " " + tag(tag) + " is longer than " + maxLength
                    + " characters");
        }
        return value;
    }

    private static String date(Dataset item, int tag, String keyword, boolean required)
            throws InvalidWorklistEntryException {
        String value = text(item, tag, keyword, 8, required);
        try {
            if (value != null) {
                LocalDate.parse(value, DateTimeFormatter.BASIC_ISO_DATE);
            }
            return value;
        } catch (DateTimeException e) {
            throw new InvalidWorklistEntryException(keyword + " " + tag(tag) + " is not a date YYYYMMDD: " + value);
        }
    }

    private static String tag(int tag) {
        return String.format("(%04X,%04X)", tag >>> 16, tag & 0xFFFF);
    }
}
