/**
 * DICOMweb (PS3.18) under {@code /dicom-web}: {@link org.strata.web.dicomweb.DicomWebApplication} lists every
 * resource class. Shared here: {@link org.strata.web.dicomweb.DicomWebException} (a refusal answered as its status
 * and a one-line text/plain reason), {@link org.strata.web.dicomweb.AcceptHeader} (media ranges by preference) and
 * {@link org.strata.web.dicomweb.DicomModelEntity} (a data set as DICOM JSON or XML),
 * {@link org.strata.web.dicomweb.StoredInstance} (one instance by its UIDs, read with bulk data left on disk) and
 * {@link org.strata.web.dicomweb.FrameNumbers} (a frame list). One package per feature: {@code stow}, {@code wado},
 * {@code bulk}, {@code frames}, {@code rendered} (rendered and thumbnail resources), {@code wadouri}, {@code cors},
 * and {@code multipart} (RFC 2046/2387 reader and writer).
 */
package org.strata.web.dicomweb;
