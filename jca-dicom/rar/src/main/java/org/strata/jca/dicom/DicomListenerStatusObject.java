package org.strata.jca.dicom;

import jakarta.resource.Referenceable;
import jakarta.resource.spi.AdministeredObject;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import java.io.Serializable;
import javax.naming.Reference;
import org.strata.jca.dicom.api.DicomListenerState;
import org.strata.jca.dicom.api.DicomListenerStatus;

/** The administered object behind {@link DicomListenerStatus#JNDI_NAME}: asks its adapter for the listener state. */
@AdministeredObject(adminObjectInterfaces = DicomListenerStatus.class)
public class DicomListenerStatusObject
        implements DicomListenerStatus, ResourceAdapterAssociation, Referenceable, Serializable {
    private static final long serialVersionUID = 1L;

    private transient DicomResourceAdapter adapter;
    private Reference reference;

    @Override
    public DicomListenerState current() {
        DicomResourceAdapter ra = adapter;
        return ra == null
                ? new DicomListenerState(null, null, 0, false, "resource adapter not associated")
                : ra.state();
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return adapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter ra) {
        this.adapter = (DicomResourceAdapter) ra;
    }

    @Override
    public void setReference(Reference reference) {
        this.reference = reference;
    }

    @Override
    public Reference getReference() {
        return reference;
    }
}
