package org.strata.web.dicomweb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

class AcceptQueryParameterTest {

    @Test
    void withoutAnAcceptHeaderTheParameterDecides() {
        assertEquals("image/png", AcceptQueryParameter.acceptable("image/png", null));
    }

    @Test
    void keepsOnlyTheTypesTheHeaderAllowsInTheParametersOrder() {
        assertEquals("image/png, image/jpeg",
                AcceptQueryParameter.acceptable("image/png,application/dicom+json,image/jpeg", "image/*"));
        assertEquals("image/jpeg", AcceptQueryParameter.acceptable("application/dicom+json, image/jpeg",
                "image/jpeg, text/html"));
    }

    @Test
    void parametersOfAMediaTypeSurvive() {
        String multipart = "multipart/related; type=\"application/dicom\"; transfer-syntax=*";
        assertEquals(multipart, AcceptQueryParameter.acceptable(multipart, "*/*"));
    }

    @Test
    void wildcardsAreRefused() {
        DicomWebException e = assertThrows(DicomWebException.class,
                () -> AcceptQueryParameter.acceptable("image/*", null));
        assertEquals(Response.Status.BAD_REQUEST, e.status());
        assertTrue(e.getMessage().contains("wildcard"), e.getMessage());
        assertEquals(Response.Status.BAD_REQUEST,
                assertThrows(DicomWebException.class, () -> AcceptQueryParameter.acceptable("*/*", null)).status());
    }

    @Test
    void aTypeTheHeaderRefusesIsNotAcceptable() {
        DicomWebException e = assertThrows(DicomWebException.class,
                () -> AcceptQueryParameter.acceptable("image/png", "application/dicom+json"));
        assertEquals(Response.Status.NOT_ACCEPTABLE, e.status());
        assertTrue(e.getMessage().contains("image/png"), e.getMessage());
        assertEquals(Response.Status.NOT_ACCEPTABLE, assertThrows(DicomWebException.class,
                () -> AcceptQueryParameter.acceptable("image/png", "image/png;q=0")).status());
    }

    @Test
    void anEmptyOrMalformedParameterIsRefused() {
        assertEquals(Response.Status.NOT_ACCEPTABLE,
                assertThrows(DicomWebException.class, () -> AcceptQueryParameter.acceptable(" , ", null)).status());
        assertEquals(Response.Status.BAD_REQUEST,
                assertThrows(DicomWebException.class, () -> AcceptQueryParameter.acceptable("png", null)).status());
    }
}
