package org.strata.ejb.query;

import java.util.function.Function;
import org.strata.dicom.dict.Tags;

/**
 * The attributes C-FIND matches and returns from the index: the level each belongs to, its column as a JPQL path
 * (aliases p, st, se, i for patient, study, series, instance) and how its values match. Computed attributes have
 * no column; ModalitiesInStudy is matched by a subquery, the counts are only returned.
 */
enum QueryKey {
    PATIENT_NAME(Tags.PatientName, QueryLevel.PATIENT, Kind.NAME, "p.patientName", r -> r.patient().getPatientName()),
    PATIENT_ID(Tags.PatientID, QueryLevel.PATIENT, Kind.TEXT, "p.patientId", r -> r.patient().getPatientId()),
    ISSUER_OF_PATIENT_ID(Tags.IssuerOfPatientID, QueryLevel.PATIENT, Kind.TEXT, "p.issuer", r -> r.patient().getIssuer()),
    PATIENT_BIRTH_DATE(Tags.PatientBirthDate, QueryLevel.PATIENT, Kind.DATE, "p.birthDate",
            r -> r.patient().getBirthDate()),
    PATIENT_SEX(Tags.PatientSex, QueryLevel.PATIENT, Kind.TEXT, "p.sex", r -> r.patient().getSex()),
    NUMBER_OF_PATIENT_RELATED_STUDIES(Tags.NumberOfPatientRelatedStudies, QueryLevel.PATIENT, Kind.COMPUTED, null, null),

    STUDY_INSTANCE_UID(Tags.StudyInstanceUID, QueryLevel.STUDY, Kind.UID, "st.studyInstanceUid",
            r -> r.study().getStudyInstanceUid()),
    STUDY_DATE(Tags.StudyDate, QueryLevel.STUDY, Kind.DATE, "st.studyDate", r -> r.study().getStudyDate()),
    STUDY_TIME(Tags.StudyTime, QueryLevel.STUDY, Kind.TIME, "st.studyTime", r -> r.study().getStudyTime()),
    ACCESSION_NUMBER(Tags.AccessionNumber, QueryLevel.STUDY, Kind.TEXT, "st.accessionNumber",
            r -> r.study().getAccessionNumber()),
    STUDY_ID(Tags.StudyID, QueryLevel.STUDY, Kind.TEXT, "st.studyId", r -> r.study().getStudyId()),
    STUDY_DESCRIPTION(Tags.StudyDescription, QueryLevel.STUDY, Kind.TEXT, "st.studyDescription",
            r -> r.study().getStudyDescription()),
    REFERRING_PHYSICIAN_NAME(Tags.ReferringPhysicianName, QueryLevel.STUDY, Kind.NAME, "st.referringPhysician",
            r -> r.study().getReferringPhysician()),
    MODALITIES_IN_STUDY(Tags.ModalitiesInStudy, QueryLevel.STUDY, Kind.COMPUTED, null, null),
    NUMBER_OF_STUDY_RELATED_SERIES(Tags.NumberOfStudyRelatedSeries, QueryLevel.STUDY, Kind.COMPUTED, null, null),
    NUMBER_OF_STUDY_RELATED_INSTANCES(Tags.NumberOfStudyRelatedInstances, QueryLevel.STUDY, Kind.COMPUTED, null, null),

    SERIES_INSTANCE_UID(Tags.SeriesInstanceUID, QueryLevel.SERIES, Kind.UID, "se.seriesInstanceUid",
            r -> r.series().getSeriesInstanceUid()),
    MODALITY(Tags.Modality, QueryLevel.SERIES, Kind.TEXT, "se.modality", r -> r.series().getModality()),
    SERIES_NUMBER(Tags.SeriesNumber, QueryLevel.SERIES, Kind.NUMBER, "se.seriesNumber", r -> r.series().getSeriesNumber()),
    SERIES_DESCRIPTION(Tags.SeriesDescription, QueryLevel.SERIES, Kind.TEXT, "se.seriesDescription",
            r -> r.series().getSeriesDescription()),
    NUMBER_OF_SERIES_RELATED_INSTANCES(Tags.NumberOfSeriesRelatedInstances, QueryLevel.SERIES, Kind.COMPUTED, null,
            null),

    SOP_INSTANCE_UID(Tags.SOPInstanceUID, QueryLevel.IMAGE, Kind.UID, "i.sopInstanceUid",
            r -> r.instance().getSopInstanceUid()),
    SOP_CLASS_UID(Tags.SOPClassUID, QueryLevel.IMAGE, Kind.UID, "i.sopClassUid", r -> r.instance().getSopClassUid()),
    INSTANCE_NUMBER(Tags.InstanceNumber, QueryLevel.IMAGE, Kind.NUMBER, "i.instanceNumber",
            r -> r.instance().getInstanceNumber());

    /** How values of a key match. */
    enum Kind { TEXT, NAME, UID, DATE, TIME, NUMBER, COMPUTED }

    final int tag;
    final QueryLevel level;
    final Kind kind;
    final String path;
    private final Function<Match, Object> value;

    QueryKey(int tag, QueryLevel level, Kind kind, String path, Function<Match, Object> value) {
        this.tag = tag;
        this.level = level;
        this.kind = kind;
        this.path = path;
        this.value = value;
    }

    /** The indexed value of this key for a match (null for computed keys). */
    Object valueOf(Match match) {
        return value == null ? null : value.apply(match);
    }

    /** The key for a tag, or null if the index does not hold that attribute. */
    static QueryKey of(int tag) {
        for (QueryKey key : values()) {
            if (key.tag == tag) {
                return key;
            }
        }
        return null;
    }
}
