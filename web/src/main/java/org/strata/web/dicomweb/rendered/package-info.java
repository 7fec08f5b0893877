/**
 * WADO-RS rendered and thumbnail resources of studies, series, instances and frames: frames rendered by the toolkit's
 * {@link org.strata.dicom.image.FrameRenderer} and encoded as JPEG or PNG ({@link
 * org.strata.web.dicomweb.rendered.RenderedImages}, also used by WADO-URI).
 */
package org.strata.web.dicomweb.rendered;
