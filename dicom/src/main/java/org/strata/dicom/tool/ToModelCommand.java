package org.strata.dicom.tool;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import org.strata.dicom.io.DicomFile;
import org.strata.dicom.json.BulkDataPolicy;
import org.strata.dicom.json.DicomJsonWriter;
import org.strata.dicom.xml.DicomXmlWriter;

/** {@code tojson} and {@code toxml}: a DICOM file's data set as DICOM JSON (PS3.18 F) or Native DICOM Model XML. */
final class ToModelCommand implements Command {

    private final Model model;

    ToModelCommand(Model model) {
        this.model = model;
    }

    @Override
    public String name() {
        return model == Model.JSON ? "tojson" : "toxml";
    }

    @Override
    public String summary() {
        return model == Model.JSON ? "write a DICOM file's data set as DICOM JSON (PS3.18 F)"
                : "write a DICOM file's data set as Native DICOM Model XML (PS3.19)";
    }

    @Override
    public String usage() {
        return "usage: strata-dicom " + name() + " [OPTIONS] FILE\n"
                + "Writes the data set (not the File Meta Information) as "
                + (model == Model.JSON ? "DICOM JSON" : "Native DICOM Model XML") + " in UTF-8.\n" + ModelOptions.HELP;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException, IOException {
        Arguments arguments = Arguments.parse(args, ModelOptions.VALUED, ModelOptions.FLAGS);
        String file = arguments.operands(1, 1).get(0);
        BulkDataPolicy bulkData = ModelOptions.bulkData(arguments);
        boolean layout = !arguments.flag("--compact");
        DicomFile dicom = Inputs.readDicom(file);
        Inputs.write(arguments.option("-o", null), out, stream -> {
            if (model == Model.JSON) {
                DicomJsonWriter.write(dicom.dataset(), stream, bulkData, layout);
                stream.write('\n');
            } else {
                new DicomXmlWriter(stream, bulkData, layout).write(dicom.dataset());
            }
        });
        return ExitCode.OK;
    }
}
