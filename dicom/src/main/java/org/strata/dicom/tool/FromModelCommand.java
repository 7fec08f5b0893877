package org.strata.dicom.tool;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.dict.Tags;
import org.strata.dicom.io.Part10;
import org.strata.dicom.io.TransferSyntax;
import org.strata.dicom.json.DicomJsonReader;
import org.strata.dicom.pixel.Transcoder;
import org.strata.dicom.xml.DicomXmlReader;

/** {@code fromjson} and {@code fromxml}: a DICOM JSON or Native DICOM Model document to a Part 10 file. */
final class FromModelCommand implements Command {

    private final Model model;

    FromModelCommand(Model model) {
        this.model = model;
    }

    @Override
    public String name() {
        return "from" + model.suffix;
    }

    @Override
    public String summary() {
        return "write a " + model.title + " data set as a Part 10 file";
    }

    @Override
    public String usage() {
        return "usage: strata-dicom " + name() + " [--transfer-syntax SYNTAX] IN OUT\n"
                + "Reads one data set from IN (" + model.title + ", " + model.standard + "; '-' for standard input)\n"
                + "and writes it to OUT as a Part 10 file, with File Meta Information made from its SOP Class\n"
                + "and Instance UIDs.\n"
                + "  --transfer-syntax SYNTAX  " + Syntaxes.NAMES + "\n"
                + "                            (default explicit); encapsulated pixel data needs its own syntax\n"
                + "Values must be inline: bulk data URIs are refused.\n"
                + "Exit codes: 0 ok, 2 wrong usage or unreadable input.\n";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException, IOException {
        Arguments arguments = Arguments.parse(args, Set.of("--transfer-syntax"), Set.of());
        List<String> files = arguments.operands(2, 2);
        TransferSyntax target = Syntaxes.parse(arguments.option("--transfer-syntax", "explicit"));
        Dataset dataset;
        try (InputStream in = new BufferedInputStream(Inputs.open(files.get(0)))) {
            dataset = model == Model.JSON ? DicomJsonReader.read(in) : DicomXmlReader.read(in);
        } catch (IOException e) {
            throw new IOException(files.get(0) + ": " + Main.oneLine(e), e);
        }
        // The document carries native pixel bytes, or fragments that can only belong to the syntax asked for.
        if (dataset.getFragments(Tags.PixelData) == null) {
            Transcoder.transcode(dataset, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, target);
        } else if (!target.isEncapsulated()) {
            throw new UsageException("encapsulated pixel data needs --transfer-syntax with its compressed syntax");
        }
        Part10.write(Path.of(files.get(1)), dataset, target);
        return ExitCode.OK;
    }
}
