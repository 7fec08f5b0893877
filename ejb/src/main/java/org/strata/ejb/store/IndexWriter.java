package org.strata.ejb.store;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.dict.Tags;
import org.strata.ejb.metadata.StoredHeader;
import org.strata.ejb.query.FuzzyNames;
import org.strata.persistence.index.Instance;
import org.strata.persistence.index.InstanceHeader;
import org.strata.persistence.index.InstanceVersion;
import org.strata.persistence.index.Patient;
import org.strata.persistence.index.Series;
import org.strata.persistence.index.StoredFile;
import org.strata.persistence.index.Study;

/** Records stored objects in the index: one transaction per object, committed before the sender hears success. */
@Stateless
public class IndexWriter {
    @PersistenceContext(unitName = "strata")
    private EntityManager em;

    /** The indexed instance with this SOP Instance UID, or null. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Instance find(String sopInstanceUid) {
        return byUid("SELECT i FROM Instance i WHERE i.sopInstanceUid = :uid", Instance.class, sopInstanceUid);
    }

    /** The one row a query by a unique UID finds, or null. */
    private <T> T byUid(String jpql, Class<T> type, String uid) {
        List<T> found = em.createQuery(jpql, type).setParameter("uid", uid).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    /**
     * Indexes one object (creating its patient, study and series as needed) in a transaction of its own, or points
     * the current instance row at its replacement; its stored header copy goes into the same transaction.
     *
     * @param storedHeader the header in the encoding of {@link StoredHeader}
     * @param currentPk the instance row this object replaces (same SOP Instance UID), or null for a new instance
     * @param keepEarlier whether a replaced object is recorded as a superseded {@link InstanceVersion}
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void index(Dataset header, byte[] storedHeader, StoreRequest request, ReceivedFile file, String place,
            Long currentPk, boolean keepEarlier) {
        Instant now = Instant.now();
        Series series = series(header, now);
        Instance instance = currentPk == null ? null : em.find(Instance.class, currentPk);
        boolean isNew = instance == null;
        if (isNew) {
            instance = new Instance();
            instance.setSopInstanceUid(request.sopInstanceUid());
        } else if (keepEarlier) {
            em.persist(InstanceVersion.of(instance, now));
        }
        instance.setSeries(series);
        instance.setSopClassUid(request.sopClassUid());
        instance.setInstanceNumber(integer(header, Tags.InstanceNumber));
        instance.setFile(new StoredFile(HotTier.ID, place, file.size(), file.sha256(), request.transferSyntaxUid()));
        instance.setReceivedAt(now);
        if (isNew) {
            em.persist(instance); // an identity key: inserted at once, so the header row below can name it
        }
        InstanceHeader copy = isNew ? null : em.find(InstanceHeader.class, instance.getPk());
        if (copy == null) {
            copy = new InstanceHeader();
            copy.setInstancePk(instance.getPk());
            copy.setHeader(storedHeader);
            em.persist(copy);
        } else {
            copy.setHeader(storedHeader);
        }
        series.setUpdatedAt(now);
        series.getStudy().setUpdatedAt(now);
    }

    private Series series(Dataset header, Instant now) {
        String uid = header.getString(Tags.SeriesInstanceUID);
        // with its study, which the store marks changed
        Series existing = byUid("SELECT s FROM Series s JOIN FETCH s.study WHERE s.seriesInstanceUid = :uid",
                Series.class, uid);
        if (existing != null) {
            return existing;
        }
        Series series = new Series();
        series.setStudy(study(header, now));
        series.setSeriesInstanceUid(uid);
        series.setSeriesNumber(integer(header, Tags.SeriesNumber));
        series.setModality(fit(header.getString(Tags.Modality), 16));
        series.setSeriesDescription(fit(header.getString(Tags.SeriesDescription), 64));
        series.setCreatedAt(now);
        series.setUpdatedAt(now);
        em.persist(series);
        return series;
    }

    private Study study(Dataset header, Instant now) {
        String uid = header.getString(Tags.StudyInstanceUID);
        Study existing = byUid("SELECT s FROM Study s WHERE s.studyInstanceUid = :uid", Study.class, uid);
        if (existing != null) {
            return existing;
        }
        Study study = new Study();
        study.setPatient(patient(header, now));
        study.setStudyInstanceUid(uid);
        study.setStudyId(fit(header.getString(Tags.StudyID), 16));
        study.setStudyDate(date(header.getString(Tags.StudyDate)));
        study.setStudyTime(fit(header.getString(Tags.StudyTime), 16));
        study.setAccessionNumber(fit(header.getString(Tags.AccessionNumber), 16));
        study.setStudyDescription(fit(header.getString(Tags.StudyDescription), 64));
        study.setReferringPhysician(fit(header.getString(Tags.ReferringPhysicianName), 324));
        study.setCreatedAt(now);
        study.setUpdatedAt(now);
        em.persist(study);
        return study;
    }

    private Patient patient(Dataset header, Instant now) {
        String id = fit(header.getString(Tags.PatientID), 64);
        String issuer = fit(header.getString(Tags.IssuerOfPatientID), 64);
        Patient existing = id == null ? null : findPatient(id, issuer);
        if (existing != null) {
            return existing;
        }
        Patient patient = new Patient();
        patient.setPatientId(id);
        patient.setIssuer(issuer);
        patient.setPatientName(fit(header.getString(Tags.PatientName), 324));
        patient.setPatientNameMatch(patient.getPatientName() == null ? null
                : fit(patient.getPatientName().toUpperCase(Locale.ROOT), 324));
        patient.setPatientNameFuzzy(FuzzyNames.keysOf(patient.getPatientName()));
        patient.setBirthDate(date(header.getString(Tags.PatientBirthDate)));
        patient.setSex(fit(header.getString(Tags.PatientSex), 16));
        patient.setCreatedAt(now);
        patient.setUpdatedAt(now);
        em.persist(patient);
        return patient;
    }

    private Patient findPatient(String id, String issuer) {
        var query = em.createQuery("SELECT p FROM Patient p WHERE p.patientId = :id AND "
                + (issuer == null ? "p.issuer IS NULL" : "p.issuer = :issuer"), Patient.class).setParameter("id", id);
        if (issuer != null) {
            query.setParameter("issuer", issuer);
        }
        List<Patient> found = query.getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    /**
     * Index columns hold what matching needs; a longer value than the standard allows is cut rather than the
     * image refused (the stored object keeps it whole).
     */
    private static String fit(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    /** A date as YYYYMMDD; the ACR-NEMA form YYYY.MM.DD that old files still carry is read as the same date. */
    private static String date(String value) {
        if (value == null) {
            return null;
        }
        String digits = value.strip().replace(".", "");
        return fit(digits, 8);
    }

    private static Integer integer(Dataset header, int tag) {
        String value = header.getString(tag);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null; // an unreadable number is not worth refusing an image for
        }
    }
}
