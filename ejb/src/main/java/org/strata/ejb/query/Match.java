package org.strata.ejb.query;

import org.strata.persistence.index.Instance;
import org.strata.persistence.index.Patient;
import org.strata.persistence.index.Series;
import org.strata.persistence.index.Study;

/** One matching entity and its parents; the entities below the query level are null. */
record Match(Patient patient, Study study, Series series, Instance instance) {
}
