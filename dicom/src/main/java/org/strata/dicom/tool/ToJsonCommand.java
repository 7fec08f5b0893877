package org.strata.dicom.tool;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import org.strata.dicom.io.DicomFile;
import org.strata.dicom.json.DicomJsonWriter;

/** {@code tojson}: a DICOM file's data set as the DICOM JSON Model (PS3.18 Annex F). */
final class ToJsonCommand implements Command {

    @Override
    public String name() {
        return "tojson";
    }

    @Override
    public String summary() {
        return "write a DICOM file's data set as DICOM JSON (PS3.18 F)";
    }

    @Override
    public String usage() {
        return "usage: strata-dicom tojson [OPTIONS] FILE\n"
                + "Writes the data set (not the File Meta Information) as DICOM JSON in UTF-8.\n" + ModelOptions.HELP;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException, IOException {
        Arguments arguments = Arguments.parse(args, ModelOptions.VALUED, ModelOptions.FLAGS);
        String file = arguments.operands(1, 1).get(0);
        var bulkData = ModelOptions.bulkData(arguments);
        DicomFile dicom = Inputs.readDicom(file);
        Inputs.write(arguments.option("-o", null), out, stream -> {
            DicomJsonWriter.write(dicom.dataset(), stream, bulkData, !arguments.flag("--compact"));
            stream.write('\n');
        });
        return ExitCode.OK;
    }
}
