package org.strata.dicom.net.tool;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.data.VR;
import org.strata.dicom.dict.ElementDictionary;
import org.strata.dicom.dimse.Part10Source;
import java.util.concurrent.Executor;
import org.strata.dicom.dimse.DimseChannel;
import org.strata.dicom.dimse.DimseServices;
import org.strata.dicom.net.AssociateRequest;
import org.strata.dicom.net.AssociationRejectedException;
import org.strata.dicom.tool.Command;
import org.strata.dicom.tool.ExitCode;
import org.strata.dicom.tool.Main;

/** Plumbing shared by the network tools. */
final class ToolSupport {
    private ToolSupport() {
    }

    /** Opens the association; prints a rejection on {@code err} and returns null for it. */
    static DimseChannel open(String host, int port, NetToolOptions o, AssociateRequest rq, DimseServices services,
                             Executor executor, PrintStream err) throws IOException, org.strata.dicom.tool.UsageException {
        try {
            return DimseChannel.open(host, port, o.tls(), rq, o.associationOptions(), services, executor);
        } catch (AssociationRejectedException e) {
            err.println("association rejected by " + host + ":" + port + ": " + e.reject());
            return null;
        }
    }

    /** A standalone {@code main} for one tool, with the dispatcher's exit-code conventions. */
    static void main(Command command, String[] args) {
        String[] withName = new String[args.length + 1];
        withName[0] = command.name();
        System.arraycopy(args, 0, withName, 1, args.length);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(Main.run(withName, out, err));
    }

    /** Exit code for a final DIMSE status: success 0, anything else 1. */
    static int exitFor(int status) {
        return status == 0 ? ExitCode.OK : ExitCode.PROBLEM;
    }

    /** A new UID under the UUID arc 2.25 (PS3.5 B.2). */
    static String newUid() {
        UUID u = UUID.randomUUID();
        ByteBuffer b = ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
        return "2.25." + new BigInteger(1, b.array());
    }

    /**
     * Part 10 files under the given files and folders (recursively); files that are not Part 10 are reported on
     * {@code err} and added to {@code skipped}.
     */
    static List<Part10Source> part10Files(List<String> paths, PrintStream err, List<Path> skipped) throws IOException {
        List<Part10Source> out = new ArrayList<>();
        for (String p : paths) {
            Path path = Path.of(p);
            if (!Files.exists(path)) {
                throw new NoSuchFileException(p);
            }
            List<Path> files;
            try (Stream<Path> walk = Files.walk(path)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path f : files) {
                try {
                    out.add(Part10Source.open(f));
                } catch (IOException e) {
                    err.println("skipping " + f + ": " + e.getMessage());
                    skipped.add(f);
                }
            }
        }
        return out;
    }

    /** One line per element: (gggg,eeee) Keyword VR [value]. */
    static void print(Dataset ds, PrintStream out) {
        for (int i = 0; i < ds.size(); i++) {
            int tag = ds.tagAt(i);
            String keyword = ElementDictionary.keywordOf(tag);
            VR vr = ds.vrAt(i);
            String text = vr.isSequence() ? "(sequence)" : String.join("\\", ds.getStrings(tag));
            out.printf("(%04X,%04X) %s %s [%s]%n", tag >>> 16, tag & 0xFFFF, keyword == null ? "?" : keyword,
                    ds.vrAt(i), text);
        }
    }
}
