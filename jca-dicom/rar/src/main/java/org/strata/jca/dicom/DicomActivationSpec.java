package org.strata.jca.dicom;

import jakarta.resource.spi.Activation;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.ResourceAdapter;
import org.strata.jca.dicom.api.DicomRequestListener;

/** Activation of a message-driven bean as the receiver of the adapter's DIMSE requests; it has no properties. */
@Activation(messageListeners = DicomRequestListener.class)
public class DicomActivationSpec implements ActivationSpec {
    private ResourceAdapter resourceAdapter;

    @Override
    public void validate() {
        // Nothing to validate: the listener's settings belong to the adapter.
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter ra) {
        this.resourceAdapter = ra;
    }
}
