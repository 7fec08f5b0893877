/** Specific Character Set (0008,0005): decoding and encoding of text, including ISO 2022 code extensions. */
package org.strata.dicom.charset;
