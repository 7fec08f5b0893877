package org.strata.dicom.data;

/**
 * A view of one element while walking a {@link Dataset}. {@code value} is one of: {@code byte[]} (the
 * encoded value, binary numbers little endian), {@code String} (text set through a setter, encoded when
 * written), {@link Sequence}, {@link Fragments} or {@link BulkData}.
 */
public record Element(int tag, VR vr, Object value) {
}
