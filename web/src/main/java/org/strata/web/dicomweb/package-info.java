/**
 * DICOMweb (PS3.18) under {@code /dicom-web}: {@link org.strata.web.dicomweb.DicomWebApplication} lists every
 * resource class. Shared here: {@link org.strata.web.dicomweb.DicomWebException} (a refusal answered as its status
 * and a one-line text/plain reason), {@link org.strata.web.dicomweb.AcceptHeader} (media ranges by preference) and
 * {@link org.strata.web.dicomweb.DicomModelEntity} (a data set as DICOM JSON or XML). One package per feature:
 * {@code stow}, {@code wado}, {@code bulk}, {@code cors}, and {@code multipart} (RFC 2046/2387 reader and writer).
 */
package org.strata.web.dicomweb;
