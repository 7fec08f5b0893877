package org.strata.web.dicomweb;

import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;
import org.strata.dicom.io.DicomFile;
import org.strata.dicom.io.Part10;
import org.strata.ejb.retrieve.InstanceLocator;
import org.strata.ejb.retrieve.RetrieveItem;
import org.strata.ejb.retrieve.RetrieveScope;

/** One stored instance named by its three UIDs, and its file read with values left on disk. */
public record StoredInstance(RetrieveItem item, DicomFile file) {

    /** The instance, read up to its bulk data (which stays in the file until used); 404 if not stored. */
    public static StoredInstance find(InstanceLocator locator, String study, String series, String instance) {
        List<RetrieveItem> items = locator.locate(new RetrieveScope("IMAGE", List.of(), List.of(study),
                List.of(series), List.of(instance)));
        if (items.isEmpty()) {
            throw DicomWebException.notFound("no instance " + instance + " of series " + series + " of study " + study);
        }
        return read(items.get(0));
    }

    /** Reads a located instance; a stored file that cannot be read is the server's fault (500). */
    public static StoredInstance read(RetrieveItem item) {
        try {
            return new StoredInstance(item, Part10.readWithBulkDataReferences(item.file()));
        } catch (IOException e) {
            throw new DicomWebException(Response.Status.INTERNAL_SERVER_ERROR, "cannot read stored instance "
                    + item.sopInstanceUid() + ": " + e.getMessage(), e);
        }
    }

    /** The transfer syntax the instance is stored in. */
    public String transferSyntaxUid() {
        return file.transferSyntax().uid();
    }
}
