package org.strata.web.dicomweb.stow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.ws.rs.core.Response;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.dict.Tags;

class StowResponseTest {
    private static final String BASE = "http://host/dicom-web/";
    private final StowOutcome stored = StowOutcome.stored("1.2.840.10008.5.1.4.1.1.2", "1.2.3", "9.8", "9.8.7");
    private final StowOutcome duplicate = StowOutcome.failed("1.2.840.10008.5.1.4.1.1.2", "1.2.4", 0x0111, "dup");
    private final StowOutcome unreadable = StowOutcome.failed(null, null, 0xC000, "cannot parse");

    @Test
    void storedAndFailedInstancesGoToTheirSequences() {
        Dataset response = StowResponse.dataset(List.of(stored, duplicate, unreadable), BASE, null);
        assertEquals(BASE + "studies/9.8", response.getString(Tags.RetrieveURL));
        Dataset referenced = response.getSequence(Tags.ReferencedSOPSequence).get(0);
        assertEquals("1.2.3", referenced.getString(Tags.ReferencedSOPInstanceUID));
        assertEquals(BASE + "studies/9.8/series/9.8.7/instances/1.2.3", referenced.getString(Tags.RetrieveURL));
        assertEquals(2, response.getSequence(Tags.FailedSOPSequence).size());
        Dataset failed = response.getSequence(Tags.FailedSOPSequence).get(0);
        assertEquals("1.2.4", failed.getString(Tags.ReferencedSOPInstanceUID));
        assertEquals(0x0111, failed.getInt(Tags.FailureReason, -1));
        assertNull(response.getSequence(Tags.FailedSOPSequence).get(1).getString(Tags.ReferencedSOPInstanceUID));
    }

    @Test
    void theStudyUrlIsGivenOnlyWhenOneStudyIsMeant() {
        StowOutcome otherStudy = StowOutcome.stored("1.2.840.10008.5.1.4.1.1.2", "1.2.5", "9.9", "9.9.1");
        assertNull(StowResponse.dataset(List.of(stored, otherStudy), BASE, null).getString(Tags.RetrieveURL));
        assertEquals(BASE + "studies/9.7", StowResponse.dataset(List.of(duplicate), BASE, "9.7").getString(Tags.RetrieveURL));
        assertNull(StowResponse.dataset(List.of(duplicate), BASE, null).getSequence(Tags.ReferencedSOPSequence));
    }

    @Test
    void statusSaysAllSomeOrNone() {
        assertEquals(Response.Status.OK, StowResponse.status(List.of(stored)));
        assertEquals(Response.Status.ACCEPTED, StowResponse.status(List.of(stored, duplicate)));
        assertEquals(Response.Status.CONFLICT, StowResponse.status(List.of(duplicate, unreadable)));
    }
}
