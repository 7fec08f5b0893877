package org.strata.web.dicomweb.qido;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.data.VR;
import org.strata.dicom.dict.Tags;
import org.strata.dicom.json.BulkDataPolicy;
import org.strata.ejb.query.QueryRefusedException;
import org.strata.ejb.query.QueryService;
import org.strata.web.dicomweb.DatasetsOutput;
import org.strata.web.dicomweb.DicomWebException;

/**
 * One QIDO-RS search (PS3.18 10.6), answered by the archive's C-FIND service ({@link QueryService}, Study Root,
 * relational) page by page: every match comes back unless {@code limit} says otherwise. 204 when nothing matches;
 * each result carries its Retrieve URL (WADO-RS).
 */
final class QidoSearch {
    /** Returned by default for studies (PS3.18 Table 10.6.3-3, as far as the archive knows them). */
    static final int[] STUDY = {Tags.StudyDate, Tags.StudyTime, Tags.AccessionNumber, Tags.ModalitiesInStudy,
        Tags.ReferringPhysicianName, Tags.TimezoneOffsetFromUTC, Tags.PatientName, Tags.PatientID,
        Tags.PatientBirthDate, Tags.PatientSex, Tags.StudyInstanceUID, Tags.StudyID, Tags.NumberOfStudyRelatedSeries,
        Tags.NumberOfStudyRelatedInstances};
    /** Returned by default for series (PS3.18 Table 10.6.3-4). */
    static final int[] SERIES = {Tags.Modality, Tags.TimezoneOffsetFromUTC, Tags.SeriesDescription,
        Tags.SeriesInstanceUID, Tags.SeriesNumber, Tags.NumberOfSeriesRelatedInstances,
        Tags.PerformedProcedureStepStartDate, Tags.PerformedProcedureStepStartTime, Tags.RequestAttributesSequence};
    /** Returned by default for instances (PS3.18 Table 10.6.3-5). */
    static final int[] INSTANCE = {Tags.SOPClassUID, Tags.SOPInstanceUID, Tags.TimezoneOffsetFromUTC,
        Tags.InstanceNumber, Tags.Rows, Tags.Columns, Tags.BitsAllocated, Tags.NumberOfFrames};

    private final QueryService queries;
    private final UriInfo uri;
    private final HttpHeaders headers;

    QidoSearch(QueryService queries, UriInfo uri, HttpHeaders headers) {
        this.queries = queries;
        this.uri = uri;
        this.headers = headers;
    }

    /**
     * @param level the QueryRetrieveLevel
     * @param pinned the UIDs the path gives, by tag
     * @param returned the attributes returned by default
     */
    Response search(String level, Map<Integer, String> pinned, int[]... returned) {
        DatasetsOutput format = DatasetsOutput.of(headers);
        List<Integer> tags = new ArrayList<>(List.of(Tags.StudyInstanceUID));
        for (int[] set : returned) {
            for (int tag : set) {
                tags.add(tag);
            }
        }
        QidoQuery query = QidoQuery.parse(level, tags.stream().mapToInt(Integer::intValue).toArray(), pinned,
                uri.getQueryParameters());
        Matches matches = new Matches(query, new QueryService.SearchOptions(query.fuzzy, query.allAttributes));
        Response.ResponseBuilder response = matches.isEmpty() ? Response.noContent()
                : format.ok(matches, dataset -> BulkDataPolicy.INLINE);
        if (!query.unsupportedIncludeFields.isEmpty()) {
            response.header("Warning", "299 " + uri.getBaseUri().getAuthority()
                    + " \"The following includefield values are not supported: "
                    + String.join(",", query.unsupportedIncludeFields) + "\"");
        }
        return response.build();
    }

    /**
     * The matches from {@code offset} on, at most {@code limit}, read from the query service a page at a time; no
     * page reads more matches than the limit still allows.
     */
    private final class Matches implements Iterable<Dataset> {
        private final QidoQuery query;
        private final QueryService.SearchOptions options;
        private final List<Dataset> firstPage;

        Matches(QidoQuery query, QueryService.SearchOptions options) {
            this.query = query;
            this.options = options;
            this.firstPage = page(query.offset, query.limit);
        }

        boolean isEmpty() {
            return firstPage.isEmpty();
        }

        private List<Dataset> page(int first, int max) {
            try {
                return queries.search(query.identifier, options, first, max);
            } catch (QueryRefusedException e) {
                throw DicomWebException.badRequest(e.getMessage());
            }
        }

        @Override
        public Iterator<Dataset> iterator() {
            return new Iterator<>() {
                private List<Dataset> page = firstPage;
                private int pageStart = query.offset;
                private int inPage;
                private int returned;

                @Override
                public boolean hasNext() {
                    if (returned >= query.limit) {
                        return false;
                    }
                    if (inPage == page.size() && page.size() == queries.pageSize()) {
                        pageStart += page.size();
                        page = page(pageStart, query.limit - returned);
                        inPage = 0;
                    }
                    return inPage < page.size();
                }

                @Override
                public Dataset next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    returned++;
                    return result(page.get(inPage++));
                }
            };
        }
    }

    /** A C-FIND response as a QIDO-RS result: no Query/Retrieve Level, a Retrieve URL instead. */
    private Dataset result(Dataset match) {
        String level = match.getString(Tags.QueryRetrieveLevel);
        match.remove(Tags.QueryRetrieveLevel);
        StringBuilder url = new StringBuilder(uri.getBaseUri().toString().replaceAll("/+$", ""))
                .append("/studies/").append(match.getString(Tags.StudyInstanceUID));
        if (!"STUDY".equals(level)) {
            url.append("/series/").append(match.getString(Tags.SeriesInstanceUID));
        }
        if ("IMAGE".equals(level)) {
            url.append("/instances/").append(match.getString(Tags.SOPInstanceUID));
        }
        match.setString(Tags.RetrieveURL, VR.UR, url.toString());
        return match;
    }
}
