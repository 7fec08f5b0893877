package org.strata.dicom.io;

import org.strata.dicom.data.Dataset;
import org.strata.dicom.data.VR;
import org.strata.dicom.dict.Tags;

/** The File Meta Information of a Part 10 file (group 0002, always explicit VR little endian). */
public final class FileMetaInformation {
    /** Strata's Implementation Class UID (a UUID-derived OID under 2.25). */
    public static final String IMPLEMENTATION_CLASS_UID = "2.25.63423165147326359457655039429741236581";
    /** Strata's Implementation Version Name. */
    public static final String IMPLEMENTATION_VERSION_NAME = "STRATA_010";

    private final Dataset dataset;

    /** Wraps group 0002 elements read from a file (or built by hand). */
    public FileMetaInformation(Dataset dataset) {
        this.dataset = dataset;
    }

    /** New meta information for an instance, naming Strata as the implementation. */
    public static FileMetaInformation create(String sopClassUid, String sopInstanceUid, String transferSyntaxUid) {
        Dataset d = new Dataset();
        d.setBytes(Tags.FileMetaInformationVersion, VR.OB, new byte[] {0, 1});
        d.setString(Tags.MediaStorageSOPClassUID, VR.UI, sopClassUid);
        d.setString(Tags.MediaStorageSOPInstanceUID, VR.UI, sopInstanceUid);
        d.setString(Tags.TransferSyntaxUID, VR.UI, transferSyntaxUid);
        d.setString(Tags.ImplementationClassUID, VR.UI, IMPLEMENTATION_CLASS_UID);
        d.setString(Tags.ImplementationVersionName, VR.SH, IMPLEMENTATION_VERSION_NAME);
        return new FileMetaInformation(d);
    }

    /** Meta information for a data set, from its SOP Class UID and SOP Instance UID. */
    public static FileMetaInformation forDataset(Dataset dataset, String transferSyntaxUid) {
        return create(dataset.getString(Tags.SOPClassUID, ""), dataset.getString(Tags.SOPInstanceUID, ""),
                transferSyntaxUid);
    }

    /** The group 0002 elements. */
    public Dataset dataset() {
        return dataset;
    }

    /** Transfer Syntax UID (0002,0010), or null. */
    public String transferSyntaxUid() {
        return dataset.getString(Tags.TransferSyntaxUID);
    }

    /** Media Storage SOP Class UID (0002,0002), or null. */
    public String mediaStorageSopClassUid() {
        return dataset.getString(Tags.MediaStorageSOPClassUID);
    }

    /** Media Storage SOP Instance UID (0002,0003), or null. */
    public String mediaStorageSopInstanceUid() {
        return dataset.getString(Tags.MediaStorageSOPInstanceUID);
    }

    /** Implementation Class UID (0002,0012), or null. */
    public String implementationClassUid() {
        return dataset.getString(Tags.ImplementationClassUID);
    }

    /** Source Application Entity Title (0002,0016), or null. */
    public String sourceApplicationEntityTitle() {
        return dataset.getString(Tags.SourceApplicationEntityTitle);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FileMetaInformation f && f.dataset.equals(dataset);
    }

    @Override
    public int hashCode() {
        return dataset.hashCode();
    }
}
