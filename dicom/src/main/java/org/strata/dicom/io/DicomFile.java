package org.strata.dicom.io;

import java.util.List;
import org.strata.dicom.data.Dataset;

/**
 * A read Part 10 file (or bare data set): its meta information (null if the input had none), the data
 * set, the transfer syntax the data set was read in, and what the reader had to tolerate.
 */
public record DicomFile(FileMetaInformation meta, Dataset dataset, TransferSyntax transferSyntax,
                        List<Toleration> tolerations) {
}
