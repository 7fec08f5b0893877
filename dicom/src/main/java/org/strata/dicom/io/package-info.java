/** Streaming reading and writing of data sets and Part 10 files in every uncompressed transfer syntax. */
package org.strata.dicom.io;
