package org.strata.ejb.mpps;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.data.Sequence;
import org.strata.dicom.dict.ElementDictionary;
import org.strata.dicom.dict.Tags;
import org.strata.dicom.dimse.Status;
import org.strata.dicom.io.DicomReader;
import org.strata.dicom.io.DicomWriter;
import org.strata.dicom.io.TransferSyntax;
import org.strata.ejb.dimse.DimseRefusal;

/** The state rules of a Modality Performed Procedure Step (PS3.4 F.7.2) and how its attributes are kept. */
final class MppsRules {
    static final String IN_PROGRESS = "IN PROGRESS";
    static final String COMPLETED = "COMPLETED";
    static final String DISCONTINUED = "DISCONTINUED";
    private static final Set<String> STATUSES = Set.of(IN_PROGRESS, COMPLETED, DISCONTINUED);
    /** Type 1 attributes of an N-CREATE (PS3.4 Table F.7.2-1) besides the status, checked by {@link #statusOfCreate}. */
    private static final List<Integer> REQUIRED_ON_CREATE = List.of(Tags.ScheduledStepAttributesSequence,
            Tags.PerformedProcedureStepID, Tags.PerformedStationAETitle, Tags.PerformedProcedureStepStartDate,
            Tags.PerformedProcedureStepStartTime, Tags.Modality);
    /** What a step must hold once it is COMPLETED or DISCONTINUED (the final-state requirements of Table F.7.2-1). */
    private static final List<Integer> REQUIRED_WHEN_FINAL = List.of(Tags.PerformedProcedureStepEndDate,
            Tags.PerformedProcedureStepEndTime);

    private MppsRules() {
    }

    /**
     * An N-CREATE must create the step IN PROGRESS (PS3.4 F.7.2.1) with its Type 1 attributes: 0120 names an absent
     * one, 0121 one sent empty.
     */
    static String statusOfCreate(Dataset attributes) throws DimseRefusal {
        String status = attributes.getString(Tags.PerformedProcedureStepStatus);
        if (status == null || status.isBlank()) {
            throw new DimseRefusal(Status.MISSING_ATTRIBUTE, "Performed Procedure Step Status missing");
        }
        for (int tag : REQUIRED_ON_CREATE) {
            requireValue(attributes, tag, "");
        }
        if (!IN_PROGRESS.equals(status.strip())) {
            throw new DimseRefusal(Status.INVALID_ATTRIBUTE_VALUE,
                    "N-CREATE must have status IN PROGRESS, not " + status.strip());
        }
        return IN_PROGRESS;
    }

    /**
     * The step's attributes after an N-SET: each attribute of the modification list replaces the stored one
     * (PS3.4 F.7.2.2). Only a step IN PROGRESS may change, to any of the three statuses.
     */
    static Dataset applySet(String currentStatus, Dataset stored, Dataset modifications) throws DimseRefusal {
        if (!IN_PROGRESS.equals(currentStatus)) {
            throw new DimseRefusal(Status.PROCESSING_FAILURE,
                    "step is " + currentStatus + " and may no longer be updated");
        }
        String newStatus = modifications.getString(Tags.PerformedProcedureStepStatus);
        if (modifications.contains(Tags.PerformedProcedureStepStatus)
                && (newStatus == null || !STATUSES.contains(newStatus.strip()))) {
            throw new DimseRefusal(Status.INVALID_ATTRIBUTE_VALUE,
                    "Performed Procedure Step Status " + newStatus + " is not a valid status");
        }
        String finalStatus = newStatus == null ? null : newStatus.strip();
        Dataset merged = stored.deepCopy();
        Dataset changes = modifications.deepCopy();
        for (int i = 0; i < changes.size(); i++) {
            int tag = changes.tagAt(i);
            if (changes.valueAt(i) instanceof Sequence items) {
                Sequence target = merged.newSequence(tag);
                for (Dataset item : items.toArray(Dataset[]::new)) {
                    target.add(item);
                }
            } else {
                merged.put(tag, changes.vrAt(i), changes.valueAt(i));
            }
        }
        if (COMPLETED.equals(finalStatus) || DISCONTINUED.equals(finalStatus)) {
            for (int tag : REQUIRED_WHEN_FINAL) {
                requireValue(merged, tag, " for a step " + finalStatus);
            }
        }
        return merged;
    }

    private static void requireValue(Dataset attributes, int tag, String context) throws DimseRefusal {
        String name = ElementDictionary.keywordOf(tag);
        if (!attributes.contains(tag)) {
            throw new DimseRefusal(Status.MISSING_ATTRIBUTE, name + " missing" + context);
        }
        Object value = attributes.get(tag);
        boolean empty = value instanceof Sequence items ? items.isEmpty()
                : attributes.getString(tag) == null || attributes.getString(tag).isBlank();
        if (empty) {
            throw new DimseRefusal(Status.MISSING_ATTRIBUTE_VALUE, name + " has no value" + context);
        }
    }

    /** The status the attributes hold (trimmed). */
    static String statusOf(Dataset attributes) {
        String status = attributes.getString(Tags.PerformedProcedureStepStatus);
        return status == null ? "" : status.strip();
    }

    /** The study UID of the first Scheduled Step Attributes item, or null if the modality named none. */
    static String studyUidOf(Dataset attributes) {
        Sequence steps = attributes.getSequence(Tags.ScheduledStepAttributesSequence);
        if (steps == null || steps.isEmpty()) {
            return null;
        }
        String uid = steps.get(0).getString(Tags.StudyInstanceUID);
        return uid == null || uid.isBlank() ? null : uid.strip();
    }

    static byte[] encode(Dataset attributes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DicomWriter.writeDataset(out, attributes, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        return out.toByteArray();
    }

    static Dataset decode(byte[] attributes) throws IOException {
        return DicomReader.readDataset(new ByteArrayInputStream(attributes), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
    }
}
