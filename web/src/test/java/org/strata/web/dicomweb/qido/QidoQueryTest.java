package org.strata.web.dicomweb.qido;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.MultivaluedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.data.VR;
import org.strata.dicom.dict.Tags;
import org.strata.web.dicomweb.DicomWebException;

class QidoQueryTest {

    private static QidoQuery parse(String level, String... nameValues) {
        MultivaluedHashMap<String, String> parameters = new MultivaluedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            parameters.add(nameValues[i], nameValues[i + 1]);
        }
        return QidoQuery.parse(level, new int[] {Tags.StudyInstanceUID, Tags.StudyDate}, Map.of(), parameters);
    }

    @Test
    void matchKeysByKeywordOrTagWithUidListsAndModalitiesSplitAtCommas() {
        Dataset keys = parse("STUDY", "PatientName", "doe*", "00100020", "P1", "StudyInstanceUID", "1.2,1.3",
                "ModalitiesInStudy", "CT,MR").identifier;
        assertEquals("STUDY", keys.getString(Tags.QueryRetrieveLevel));
        assertEquals("doe*", keys.getString(Tags.PatientName));
        assertEquals("P1", keys.getString(Tags.PatientID));
        assertEquals(List.of("1.2", "1.3"), List.of(keys.getStrings(Tags.StudyInstanceUID)));
        assertEquals(List.of("CT", "MR"), List.of(keys.getStrings(Tags.ModalitiesInStudy)));
        assertTrue(keys.contains(Tags.StudyDate), "returned by default");
        assertNull(keys.get(Tags.StudyDate));
    }

    @Test
    void includefieldIsRepeatableTakesCommaListsAndAllAndWarnsOfUnknownNames() {
        QidoQuery query = parse("IMAGE", "includefield", "Rows,00280011", "includefield", "all", "includefield",
                "NoSuchThing");
        assertTrue(query.identifier.contains(Tags.Rows));
        assertEquals(VR.US, query.identifier.vr(Tags.Columns));
        assertTrue(query.allAttributes);
        assertEquals(List.of("NoSuchThing"), query.unsupportedIncludeFields);
    }

    @Test
    void limitOffsetAndFuzzymatching() {
        QidoQuery query = parse("STUDY", "limit", "5", "offset", "10", "fuzzymatching", "true");
        assertEquals(5, query.limit);
        assertEquals(10, query.offset);
        assertTrue(query.fuzzy);
        QidoQuery plain = parse("STUDY");
        assertEquals(Integer.MAX_VALUE, plain.limit);
        assertFalse(plain.fuzzy);
    }

    @Test
    void badParametersAreRefusedWithTheirReason() {
        assertRefused("unknown query parameter Bogus", "STUDY", "Bogus", "1");
        assertRefused("StudyDate has an invalid date 20240230", "STUDY", "StudyDate", "20240230");
        assertRefused("StudyDate range ends before it starts", "STUDY", "StudyDate", "20240201-20240101");
        assertRefused("StudyDate is not a date or date range", "STUDY", "StudyDate", "-");
        assertRefused("StudyTime has an invalid time 1:00", "STUDY", "StudyTime", "1:00");
        assertRefused("Rows cannot be matched", "IMAGE", "Rows", "512");
        assertRefused("SOPInstanceUID is an attribute of the image level", "SERIES", "SOPInstanceUID", "1.2");
        assertRefused("limit must be a whole number of at least 1", "STUDY", "limit", "0");
        assertRefused("offset must be a whole number of at least 0", "STUDY", "offset", "x");
        assertRefused("fuzzymatching must be true or false", "STUDY", "fuzzymatching", "yes");
        assertRefused("matching within sequences is not supported", "STUDY", "RequestAttributesSequence.Modality",
                "CT");
        parse("STUDY", "StudyDate", "20240101-", "StudyTime", "0800-120000.5"); // open ranges and fractions are fine
    }

    private static void assertRefused(String reason, String level, String name, String value) {
        DicomWebException e = assertThrows(DicomWebException.class, () -> parse(level, name, value));
        assertEquals(400, e.status().getStatusCode());
        assertTrue(e.getMessage().startsWith(reason), e.getMessage());
    }
}
