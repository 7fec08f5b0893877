package org.strata.dicom.net;

/** SOP class extended negotiation sub-item (PS3.7 D.3.3.5): service-class specific bytes. */
public record ExtendedNegotiation(String sopClass, byte[] info) {
    public ExtendedNegotiation {
        info = info.clone();
    }

    @Override
    public byte[] info() {
        return info.clone();
    }
}
