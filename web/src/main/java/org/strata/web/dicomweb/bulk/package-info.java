/**
 * WADO-RS bulk data: {@code GET /dicom-web/studies/{s}/series/{se}/instances/{i}/bulk/{path}}.
 *
 * <p>{@code {path}} names one element of the stored instance: its tag as 8 hex digits, and for an element inside
 * sequences, the enclosing sequence tags outermost first, each followed by the 0-based index of the item, all
 * joined by '.': {@code 7FE00010} is the top-level Pixel Data, {@code 00540016.0.00181072} is Radiopharmaceutical
 * Start Time in the first item of the Radiopharmaceutical Information Sequence. Metadata resources write their
 * BulkDataURIs in this form.
 *
 * <p>The value is sent in little endian whatever the stored transfer syntax (native Pixel Data as its raw bytes);
 * encapsulated Pixel Data is refused with 406 (frames are the frames resource's).
 */
package org.strata.web.dicomweb.bulk;
