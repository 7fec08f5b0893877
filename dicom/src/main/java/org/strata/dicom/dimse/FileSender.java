package org.strata.dicom.dimse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.strata.dicom.io.TransferSyntax;
import org.strata.dicom.net.AssociateRequest;
import org.strata.dicom.net.AssociationOptions;
import org.strata.dicom.net.TlsConfig;

/**
 * Sends Part 10 files with C-STORE: proposes, per SOP class, each file's own transfer syntax plus the uncompressed
 * fallbacks (explicit and implicit VR little endian) when the file is uncompressed, opening as many associations
 * as the 128-context limit requires. Data set bytes are streamed from the file when its own syntax is accepted.
 */
public final class FileSender {
    /** Outcome of one file. */
    public record Result(Part10Source file, int status, String errorComment, IOException failure) {
        public boolean ok() {
            return failure == null && !Status.isFailure(status);
        }

        @Override
        public String toString() {
            return file.file() + ": " + (failure != null ? failure.getMessage() : Status.toString(status)
                    + (errorComment == null ? "" : " " + errorComment));
        }
    }

    private static final String EXPLICIT_LE = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid();
    private static final String IMPLICIT_LE = TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid();
    private static final int MAX_CONTEXTS = 128;

    private FileSender() {
    }

    /** The contexts one batch of files needs, in proposal order. */
    static List<List<String>> contextsFor(List<Part10Source> files) {
        Set<List<String>> contexts = new LinkedHashSet<>();
        for (Part10Source f : files) {
            contexts.add(List.of(f.sopClassUid(), f.transferSyntaxUid()));
            if (!TransferSyntax.forUid(f.transferSyntaxUid()).isEncapsulated()) {
                contexts.add(List.of(f.sopClassUid(), EXPLICIT_LE, IMPLICIT_LE));
            }
        }
        return new ArrayList<>(contexts);
    }

    /**
     * Sends every file; one result per file, in order. Files are grouped so each association proposes at most 128
     * contexts. With an asynchronous operations window above 1, up to that many C-STOREs are outstanding at once.
     *
     * @param template AE titles, max PDU, async window; its contexts are replaced
     */
    public static List<Result> send(String host, int port, TlsConfig tls, Supplier<AssociateRequest> template,
                                    AssociationOptions options, List<Part10Source> files, Executor executor)
            throws IOException {
        List<Result> results = new ArrayList<>();
        int start = 0;
        while (start < files.size()) {
            int end = start;
            while (end < files.size() && contextsFor(files.subList(start, end + 1)).size() <= MAX_CONTEXTS) {
                end++;
            }
            List<Part10Source> batch = files.subList(start, end);
            AssociateRequest rq = template.get();
            rq.presentationContexts().clear();
            for (List<String> pc : contextsFor(batch)) {
                rq.addPresentationContext(pc.get(0), pc.subList(1, pc.size()).toArray(String[]::new));
            }
            DimseChannel ch = DimseChannel.open(host, port, tls, rq, options, new DimseServices(), executor);
            try {
                results.addAll(sendOn(ch, batch));
            } finally {
                if (ch.association().isOpen()) {
                    ch.release();
                }
            }
            start = end;
        }
        return results;
    }

    /** Sends files on an open association (contexts already negotiated). */
    public static List<Result> sendOn(DimseChannel ch, List<Part10Source> files) throws IOException {
        List<CompletableFuture<DimseResponse>> pending = new ArrayList<>();
        List<Result> results = new ArrayList<>(files.size());
        for (Part10Source f : files) {
            int pc = ch.association().findContext(f.sopClassUid(), f.transferSyntaxUid());
            if (pc < 0) {
                pc = ch.association().findContext(f.sopClassUid(), null);
            }
            if (pc < 0 || !f.canSendAs(ch.association().transferSyntax(pc))) {
                pending.add(CompletableFuture.failedFuture(new DimseException("no accepted presentation context for "
                        + f.sopClassUid() + " in " + f.transferSyntaxUid())));
                continue;
            }
            pending.add(ch.store(pc, f.sopClassUid(), f.sopInstanceUid(), Command.PRIORITY_MEDIUM,
                    f.writer(ch.association().transferSyntax(pc)), null, -1));
        }
        for (int i = 0; i < files.size(); i++) {
            try {
                DimseResponse rsp = DimseChannel.await(pending.get(i));
                results.add(new Result(files.get(i), rsp.status(), rsp.errorComment(), null));
            } catch (IOException e) {
                results.add(new Result(files.get(i), -1, null, e));
            }
        }
        return results;
    }
}
