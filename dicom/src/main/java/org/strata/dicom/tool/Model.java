package org.strata.dicom.tool;

/** The text models commands convert to and from. */
enum Model {
    /** DICOM JSON Model, PS3.18 Annex F. */
    JSON,
    /** Native DICOM Model XML, PS3.19 A.1. */
    XML
}
