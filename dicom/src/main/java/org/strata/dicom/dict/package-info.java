/** The PS3.6 data dictionary and UID registry, generated from machine-readable tables (see dicom/src/generator). */
package org.strata.dicom.dict;
