package org.strata.dicom.tool;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import org.strata.dicom.dict.UidDictionary;
import org.strata.dicom.io.DicomFile;

/** {@code dump}: prints the elements of DICOM files, like dcmdump. */
final class DumpCommand implements Command {

    @Override
    public String name() {
        return "dump";
    }

    @Override
    public String summary() {
        return "print every element of DICOM files (tag, VR, value, nesting)";
    }

    @Override
    public String usage() {
        return """
                usage: strata-dicom dump [--full] FILE...
                Prints the File Meta Information and the data set of each file, one element per line:
                tag, VR, value (text in [brackets], numbers bare, bytes in hex), then after '#' the
                length, value multiplicity and keyword. Sequence items and fragments are indented.
                  --full   print whole values (long ones are cut short with '...' otherwise)
                Exit codes: 0 ok, 2 wrong usage or unreadable file.
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException, IOException {
        Arguments arguments = Arguments.parse(args, Set.of(), Set.of("--full"));
        List<String> files = arguments.operands(1, Integer.MAX_VALUE);
        DumpFormatter formatter = new DumpFormatter(out, arguments.flag("--full"));
        for (String file : files) {
            DicomFile dicom = Inputs.readDicom(file);
            if (files.size() > 1) {
                out.println("# File " + file);
            }
            if (dicom.meta() != null) {
                out.println("# File Meta Information");
                formatter.print(dicom.meta().dataset(), 0);
            }
            String syntax = dicom.transferSyntax().uid();
            out.println("# Data Set, " + UidDictionary.nameOf(syntax) + " (" + syntax + ")");
            formatter.print(dicom.dataset(), 0);
        }
        return ExitCode.OK;
    }
}
