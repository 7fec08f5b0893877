package org.strata.dicom.net.tool;

import org.strata.dicom.dict.UIDs;
import org.strata.dicom.tool.UsageException;

/** The {@code --model} option of findscu, movescu and getscu. */
enum QueryModel {
    PATIENT(UIDs.PatientRootQueryRetrieveInformationModelFind, UIDs.PatientRootQueryRetrieveInformationModelMove,
            UIDs.PatientRootQueryRetrieveInformationModelGet),
    STUDY(UIDs.StudyRootQueryRetrieveInformationModelFind, UIDs.StudyRootQueryRetrieveInformationModelMove,
            UIDs.StudyRootQueryRetrieveInformationModelGet),
    WORKLIST(UIDs.ModalityWorklistInformationModelFind, null, null);

    static final String USAGE = "  --model M                 patient, study (default) or worklist (C-FIND only)\n";

    final String find;
    final String move;
    final String get;

    QueryModel(String find, String move, String get) {
        this.find = find;
        this.move = move;
        this.get = get;
    }

    static QueryModel of(NetToolOptions o, boolean retrieve) throws UsageException {
        String name = o.args.option("--model", "study");
        QueryModel m;
        try {
            m = valueOf(name.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("unknown --model " + name + " (patient, study or worklist)");
        }
        if (retrieve && m == WORKLIST) {
            throw new UsageException("--model worklist supports C-FIND only");
        }
        return m;
    }
}
