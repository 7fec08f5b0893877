package org.strata.dicom.tool;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import org.strata.dicom.io.DicomFile;
import org.strata.dicom.xml.DicomXmlWriter;

/** {@code toxml}: a DICOM file's data set as the Native DICOM Model XML (PS3.19 A.1). */
final class ToXmlCommand implements Command {

    @Override
    public String name() {
        return "toxml";
    }

    @Override
    public String summary() {
        return "write a DICOM file's data set as Native DICOM Model XML (PS3.19)";
    }

    @Override
    public String usage() {
        return "usage: strata-dicom toxml [OPTIONS] FILE\n"
                + "Writes the data set (not the File Meta Information) as Native DICOM Model XML in UTF-8.\n"
                + ModelOptions.HELP;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException, IOException {
        Arguments arguments = Arguments.parse(args, ModelOptions.VALUED, ModelOptions.FLAGS);
        String file = arguments.operands(1, 1).get(0);
        var bulkData = ModelOptions.bulkData(arguments);
        DicomFile dicom = Inputs.readDicom(file);
        Inputs.write(arguments.option("-o", null), out,
                stream -> new DicomXmlWriter(stream, bulkData, !arguments.flag("--compact")).write(dicom.dataset()));
        return ExitCode.OK;
    }
}
