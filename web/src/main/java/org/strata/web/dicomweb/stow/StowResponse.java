package org.strata.web.dicomweb.stow;

import jakarta.ws.rs.core.Response;
import java.util.List;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.data.Sequence;
import org.strata.dicom.data.VR;
import org.strata.dicom.dict.Tags;

/**
 * The Store Instances Response Module (PS3.18 10.5.3): a Referenced SOP Sequence item with its RetrieveURL for
 * each stored instance, a Failed SOP Sequence item with its FailureReason for each refused one, and the HTTP status
 * that sums them up (200 all stored, 202 some, 409 none).
 */
final class StowResponse {
    private StowResponse() {
    }

    /**
     * @param baseUrl the DICOMweb root ending in '/', e.g. {@code http://host:8080/dicom-web/}
     * @param study   the study the request's path named, or null
     */
    static Dataset dataset(List<StowOutcome> outcomes, String baseUrl, String study) {
        Dataset response = new Dataset();
        String commonStudy = study;
        if (commonStudy == null) {
            List<String> studies = outcomes.stream().filter(StowOutcome::isStored).map(StowOutcome::studyUid)
                    .distinct().toList();
            commonStudy = studies.size() == 1 ? studies.get(0) : null;
        }
        if (commonStudy != null) {
            response.setString(Tags.RetrieveURL, VR.UR, baseUrl + "studies/" + commonStudy);
        }
        Sequence failed = null;
        Sequence referenced = null;
        for (StowOutcome o : outcomes) {
            Dataset item;
            if (o.isStored()) {
                referenced = referenced != null ? referenced : response.newSequence(Tags.ReferencedSOPSequence);
                item = referenced.addItem();
            } else {
                failed = failed != null ? failed : response.newSequence(Tags.FailedSOPSequence);
                item = failed.addItem();
            }
            if (o.sopClassUid() != null) {
                item.setString(Tags.ReferencedSOPClassUID, VR.UI, o.sopClassUid());
            }
            if (o.sopInstanceUid() != null) {
                item.setString(Tags.ReferencedSOPInstanceUID, VR.UI, o.sopInstanceUid());
            }
            if (o.isStored()) {
                item.setString(Tags.RetrieveURL, VR.UR, baseUrl + "studies/" + o.studyUid() + "/series/"
                        + o.seriesUid() + "/instances/" + o.sopInstanceUid());
            } else {
                item.setInt(Tags.FailureReason, VR.US, o.failureReason());
            }
        }
        return response;
    }

    static Response.StatusType status(List<StowOutcome> outcomes) {
        long stored = outcomes.stream().filter(StowOutcome::isStored).count();
        if (stored == outcomes.size()) {
            return Response.Status.OK;
        }
        return stored == 0 ? Response.Status.CONFLICT : Response.Status.ACCEPTED;
    }
}
