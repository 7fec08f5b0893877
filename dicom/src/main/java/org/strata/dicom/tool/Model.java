package org.strata.dicom.tool;

/** The text models commands convert to and from. */
enum Model {
    /** DICOM JSON Model, PS3.18 Annex F. */
    JSON("json", "DICOM JSON", "PS3.18 F"),
    /** Native DICOM Model XML, PS3.19 A.1. */
    XML("xml", "Native DICOM Model XML", "PS3.19 A.1");

    /** Suffix of the command names: tojson, fromxml... */
    final String suffix;
    final String title;
    final String standard;

    Model(String suffix, String title, String standard) {
        this.suffix = suffix;
        this.title = title;
        this.standard = standard;
    }
}
