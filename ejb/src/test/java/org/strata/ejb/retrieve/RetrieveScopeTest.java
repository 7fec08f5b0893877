package org.strata.ejb.retrieve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.dict.Tags;
import org.strata.dicom.dict.UIDs;

class RetrieveScopeTest {
    private static final String STUDY_ROOT = UIDs.StudyRootQueryRetrieveInformationModelGet;
    private static final String PATIENT_ROOT = UIDs.PatientRootQueryRetrieveInformationModelMove;

    private static Dataset keys(String level) {
        Dataset ds = new Dataset();
        ds.setString(Tags.QueryRetrieveLevel, level);
        return ds;
    }

    @Test
    void readsUidListsAndTheKeysAboveTheLevel() throws Exception {
        Dataset ds = keys("SERIES");
        ds.setString(Tags.StudyInstanceUID, "1.2.3");
        ds.setString(Tags.SeriesInstanceUID, "1.2.3.1", "1.2.3.2");

        RetrieveScope scope = RetrieveScope.of(ds, STUDY_ROOT);

        assertEquals("SERIES", scope.level());
        assertEquals(List.of("1.2.3"), scope.studyUids());
        assertEquals(List.of("1.2.3.1", "1.2.3.2"), scope.seriesUids());
        assertTrue(scope.sopInstanceUids().isEmpty());
        assertTrue(scope.patientIds().isEmpty());
    }

    @Test
    void patientLevelOnlyInThePatientRootModel() throws Exception {
        Dataset ds = keys("PATIENT");
        ds.setString(Tags.PatientID, "P1");

        assertEquals(List.of("P1"), RetrieveScope.of(ds, PATIENT_ROOT).patientIds());
        var refused = assertThrows(RetrieveScope.InvalidIdentifierException.class,
                () -> RetrieveScope.of(ds, STUDY_ROOT));
        assertEquals("level PATIENT is not in the Study Root model", refused.getMessage());
    }

    @Test
    void refusesAMissingLevelAnUnknownLevelAndALevelWithoutItsKey() {
        Dataset noLevel = new Dataset();
        noLevel.setString(Tags.StudyInstanceUID, "1.2.3");
        Dataset unknown = keys("FRAME");
        Dataset imageWithoutSop = keys("IMAGE");
        imageWithoutSop.setString(Tags.StudyInstanceUID, "1.2.3");

        assertEquals("no Query/Retrieve Level", assertThrows(RetrieveScope.InvalidIdentifierException.class,
                () -> RetrieveScope.of(noLevel, STUDY_ROOT)).getMessage());
        assertEquals("unknown Query/Retrieve Level FRAME", assertThrows(RetrieveScope.InvalidIdentifierException.class,
                () -> RetrieveScope.of(unknown, STUDY_ROOT)).getMessage());
        assertEquals("no unique key for level IMAGE", assertThrows(RetrieveScope.InvalidIdentifierException.class,
                () -> RetrieveScope.of(imageWithoutSop, STUDY_ROOT)).getMessage());
        assertThrows(RetrieveScope.InvalidIdentifierException.class, () -> RetrieveScope.of(null, STUDY_ROOT));
    }
}
