/**
 * Renders a frame of a DICOM image for display as an 8-bit {@link java.awt.image.BufferedImage} (PS3.3 C.7.6.3,
 * C.11): stored values, Modality LUT, VOI window, polarity, colour model, viewport. Headless; JDK only.
 */
package org.strata.dicom.image;
