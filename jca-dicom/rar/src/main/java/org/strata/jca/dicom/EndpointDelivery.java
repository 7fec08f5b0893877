package org.strata.jca.dicom;

import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.io.IOException;
import org.strata.dicom.dimse.DimseRequest;
import org.strata.dicom.dimse.DimseService;
import org.strata.dicom.dimse.Status;
import org.strata.jca.dicom.api.DicomRequestListener;

/**
 * Hands each DIMSE request to the activated message-driven bean. Until one is activated (while the EAR is still
 * deploying) requests are refused with "out of resources", so a modality retries rather than loses an image.
 */
final class EndpointDelivery implements DimseService {
    private volatile MessageEndpointFactory factory;

    void activate(MessageEndpointFactory endpointFactory) {
        this.factory = endpointFactory;
    }

    void deactivate(MessageEndpointFactory endpointFactory) {
        if (factory == endpointFactory) {
            factory = null;
        }
    }

    @Override
    public void onRequest(DimseRequest request) throws IOException {
        MessageEndpointFactory f = factory;
        if (f == null) {
            request.respondError(Status.OUT_OF_RESOURCES, "archive services not deployed");
            return;
        }
        MessageEndpoint endpoint;
        try {
            endpoint = f.createEndpoint(null);
        } catch (UnavailableException e) {
            request.respondError(Status.OUT_OF_RESOURCES, "archive services unavailable");
            return;
        }
        try {
            ((DicomRequestListener) endpoint).onRequest(request);
        } finally {
            endpoint.release();
        }
    }
}
