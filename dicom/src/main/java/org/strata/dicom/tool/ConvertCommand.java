package org.strata.dicom.tool;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.io.DicomFile;
import org.strata.dicom.io.FileMetaInformation;
import org.strata.dicom.io.Part10;
import org.strata.dicom.io.TransferSyntax;
import org.strata.dicom.pixel.Transcoder;

/** {@code convert}: rewrites a DICOM file in another transfer syntax (uncompressed ones and RLE). */
final class ConvertCommand implements Command {

    @Override
    public String name() {
        return "convert";
    }

    @Override
    public String summary() {
        return "rewrite a DICOM file in another transfer syntax (uncompressed, RLE)";
    }

    @Override
    public String usage() {
        return """
                usage: strata-dicom convert --to SYNTAX IN OUT
                Rewrites IN as a Part 10 file OUT in SYNTAX: implicit, explicit, big, deflated, rle, or a
                transfer syntax UID. RLE Lossless is encoded and decoded; other compressed pixel data is
                only copied into its own syntax.
                Exit codes: 0 ok, 2 wrong usage, unreadable input or a conversion we cannot do.
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException, IOException {
        Arguments arguments = Arguments.parse(args, Set.of("--to"), Set.of());
        List<String> files = arguments.operands(2, 2);
        String target = arguments.option("--to", null);
        if (target == null) {
            throw new UsageException("missing --to SYNTAX");
        }
        if (Path.of(files.get(0)).toAbsolutePath().normalize().equals(Path.of(files.get(1)).toAbsolutePath().normalize())) {
            throw new UsageException("OUT must be another file than IN");
        }
        TransferSyntax to = Syntaxes.parse(target);
        DicomFile dicom = Inputs.readDicom(files.get(0));
        Dataset dataset = dicom.dataset();
        Transcoder.transcode(dataset, dicom.transferSyntax(), to);
        FileMetaInformation meta = dicom.meta() != null
                ? FileMetaInformation.create(orEmpty(dicom.meta().mediaStorageSopClassUid()),
                        orEmpty(dicom.meta().mediaStorageSopInstanceUid()), to.uid())
                : FileMetaInformation.forDataset(dataset, to.uid());
        Part10.write(Path.of(files.get(1)), meta, dataset);
        return ExitCode.OK;
    }

    private static String orEmpty(String uid) {
        return uid == null ? "" : uid;
    }
}
