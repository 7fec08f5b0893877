/** The data model: data sets, VRs, sequences, encapsulated fragments, bulk data references, typed values. */
package org.strata.dicom.data;
