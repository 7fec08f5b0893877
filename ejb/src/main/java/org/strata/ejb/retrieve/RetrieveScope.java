package org.strata.ejb.retrieve;

import java.io.IOException;
import java.util.List;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.dict.Tags;
import org.strata.dicom.dict.UIDs;

/**
 * What a C-GET or C-MOVE identifier asks for: its level and the unique keys (UID lists allowed) at and above it.
 * Empty lists mean "not constrained at that level".
 */
public record RetrieveScope(String level, List<String> patientIds, List<String> studyUids, List<String> seriesUids,
                            List<String> sopInstanceUids) {

    /** An identifier that cannot be retrieved: wrong level for the information model, or its unique key missing. */
    public static final class InvalidIdentifierException extends Exception {
        InvalidIdentifierException(String message) {
            super(message);
        }
    }

    /** True for the Patient Root information models (which allow the PATIENT level). */
    static boolean isPatientRoot(String sopClassUid) {
        return UIDs.PatientRootQueryRetrieveInformationModelGet.equals(sopClassUid)
                || UIDs.PatientRootQueryRetrieveInformationModelMove.equals(sopClassUid);
    }

    /** Reads the identifier of a retrieve request in {@code sopClassUid}'s information model. */
    public static RetrieveScope of(Dataset identifier, String sopClassUid) throws InvalidIdentifierException {
        if (identifier == null) {
            throw new InvalidIdentifierException("no identifier");
        }
        String level = identifier.getString(Tags.QueryRetrieveLevel);
        if (level == null) {
            throw new InvalidIdentifierException("no Query/Retrieve Level");
        }
        level = level.strip();
        RetrieveScope scope = new RetrieveScope(level, values(identifier, Tags.PatientID),
                values(identifier, Tags.StudyInstanceUID), values(identifier, Tags.SeriesInstanceUID),
                values(identifier, Tags.SOPInstanceUID));
        List<String> levelKey = switch (level) {
            case "PATIENT" -> {
                if (!isPatientRoot(sopClassUid)) {
                    throw new InvalidIdentifierException("level PATIENT is not in the Study Root model");
                }
                yield scope.patientIds();
            }
            case "STUDY" -> scope.studyUids();
            case "SERIES" -> scope.seriesUids();
            case "IMAGE" -> scope.sopInstanceUids();
            default -> throw new InvalidIdentifierException("unknown Query/Retrieve Level " + level);
        };
        if (levelKey.isEmpty()) {
            throw new InvalidIdentifierException("no unique key for level " + level);
        }
        return scope;
    }

    private static List<String> values(Dataset identifier, int tag) {
        String[] all = identifier.getStrings(tag);
        if (all == null) {
            return List.of();
        }
        return java.util.Arrays.stream(all).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
