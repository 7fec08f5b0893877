package org.strata.dicom.dimse;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.data.VR;
import org.strata.dicom.dict.Tags;
import org.strata.dicom.dict.UIDs;
import org.strata.dicom.io.Part10;
import org.strata.dicom.net.AcceptPolicy;
import org.strata.dicom.net.AssociateRequest;
import org.strata.dicom.net.AssociationOptions;
import org.strata.dicom.net.DicomServer;

/**
 * A small archive written with the API, for interop tests: stores into a folder, and answers C-FIND, C-MOVE and
 * C-GET (patient and study root) over the files stored there.
 */
public final class TestArchive implements AutoCloseable {
    static final String[] QR_CLASSES = {
        UIDs.PatientRootQueryRetrieveInformationModelFind, UIDs.PatientRootQueryRetrieveInformationModelMove,
        UIDs.PatientRootQueryRetrieveInformationModelGet, UIDs.StudyRootQueryRetrieveInformationModelFind,
        UIDs.StudyRootQueryRetrieveInformationModelMove, UIDs.StudyRootQueryRetrieveInformationModelGet};

    final Path folder;
    public final Map<String, InetSocketAddress> destinations = new ConcurrentHashMap<>();
    private final Executor executor;
    final DicomServer server;

    public TestArchive(Path folder, Executor executor) throws IOException {
        this.folder = folder;
        this.executor = executor;
        AcceptPolicy policy = new AcceptPolicy().calledAeTitles("STRATA")
                .accept(DimseServices.VERIFICATION, UIDs.ImplicitVRLittleEndian)
                .acceptFamily(AcceptPolicy.STORAGE_CLASSES, AcceptPolicy.ANY_TRANSFER_SYNTAX)
                .maxPduLength(0);
        for (String qr : QR_CLASSES) {
            policy.accept(qr, UIDs.ExplicitVRLittleEndian, UIDs.ImplicitVRLittleEndian);
        }
        DimseServices services = new DimseServices()
                .registerFamily(AcceptPolicy.STORAGE_CLASSES, new FolderStorage(folder, false, null));
        for (String qr : QR_CLASSES) {
            services.register(qr, this::queryRetrieve);
        }
        server = new DicomServer(policy, services.handlers(executor), executor);
        server.start(new InetSocketAddress("127.0.0.1", 0));
    }

    public int port() {
        return server.port();
    }

    private void queryRetrieve(DimseRequest rq) throws IOException {
        Dataset keys = rq.dataset();
        if (keys == null) {
            rq.respondError(Status.UNABLE_TO_PROCESS, "no identifier");
            return;
        }
        String level = keys.getString(Tags.QueryRetrieveLevel, "");
        int uniqueKey = switch (level) {
            case "PATIENT" -> Tags.PatientID;
            case "STUDY" -> Tags.StudyInstanceUID;
            case "SERIES" -> Tags.SeriesInstanceUID;
            case "IMAGE" -> Tags.SOPInstanceUID;
            default -> -1;
        };
        if (uniqueKey < 0) {
            rq.respondError(Status.UNABLE_TO_PROCESS, "bad Query/Retrieve Level '" + level + "'");
            return;
        }
        Map<String, Path> first = new LinkedHashMap<>();
        List<Path> all = new ArrayList<>();
        for (Path file : storedFiles()) {
            Dataset ds = Part10.readHeader(file).dataset();
            if (matches(keys, ds)) {
                first.putIfAbsent(ds.getString(uniqueKey, ""), file);
                all.add(file);
            }
        }
        switch (rq.command().commandField()) {
            case CommandField.C_FIND_RQ -> {
                for (Path file : first.values()) {
                    if (rq.isCancelled()) {
                        rq.respond(Status.CANCEL);
                        return;
                    }
                    rq.respond(Status.PENDING, answer(keys, Part10.readHeader(file).dataset()));
                }
                rq.respond(Status.SUCCESS);
            }
            case CommandField.C_MOVE_RQ -> move(rq, all);
            default -> get(rq, all);
        }
    }

    private List<Path> storedFiles() throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.toString().endsWith(".dcm")).sorted().toList();
        }
    }

    private static boolean matches(Dataset keys, Dataset ds) {
        for (int i = 0; i < keys.size(); i++) {
            int tag = keys.tagAt(i);
            if (tag == Tags.QueryRetrieveLevel || tag == Tags.SpecificCharacterSet || keys.vrAt(i) == VR.SQ) {
                continue;
            }
            String key = keys.getString(tag, "");
            if (key.isEmpty()) {
                continue;
            }
            String value = ds.getString(tag, "");
            boolean any = false;
            for (String k : key.split("\\\\")) {
                String regex = Pattern.quote(k).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q");
                any |= value.matches(regex);
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }

    private static Dataset answer(Dataset keys, Dataset ds) {
        Dataset id = new Dataset();
        for (int i = 0; i < keys.size(); i++) {
            int tag = keys.tagAt(i);
            if (keys.vrAt(i) == VR.SQ) {
                continue;
            }
            String[] values = tag == Tags.QueryRetrieveLevel ? keys.getStrings(tag) : ds.getStrings(tag);
            id.setString(tag, keys.vrAt(i), values == null ? new String[0] : values);
        }
        return id;
    }

    /** Pending response with sub-operation counts. */
    private static void progress(DimseRequest rq, int status, int remaining, int completed, int failed) throws IOException {
        Command rsp = rq.command().response(status, false);
        if (Status.isPending(status) || remaining > 0) {
            rsp.setInt(Command.NUMBER_OF_REMAINING_SUBOPERATIONS, remaining);
        }
        rsp.setInt(Command.NUMBER_OF_COMPLETED_SUBOPERATIONS, completed);
        rsp.setInt(Command.NUMBER_OF_FAILED_SUBOPERATIONS, failed);
        rsp.setInt(Command.NUMBER_OF_WARNING_SUBOPERATIONS, 0);
        rq.respond(rsp, null);
    }

    private void move(DimseRequest rq, List<Path> files) throws IOException {
        String dest = rq.command().getString(Command.MOVE_DESTINATION);
        InetSocketAddress addr = destinations.get(dest);
        if (addr == null) {
            rq.respondError(Status.MOVE_DESTINATION_UNKNOWN, "unknown destination " + dest);
            return;
        }
        List<Part10Source> sources = new ArrayList<>();
        for (Path f : files) {
            sources.add(Part10Source.open(f));
        }
        AssociateRequest arq = new AssociateRequest();
        arq.setCallingAeTitle("STRATA");
        arq.setCalledAeTitle(dest);
        for (Part10Source s : sources) {
            arq.addPresentationContext(s.sopClassUid(), s.transferSyntaxUid());
        }
        DimseChannel out = DimseChannel.open(addr.getHostString(), addr.getPort(), null, arq,
                new AssociationOptions(), new DimseServices(), executor);
        int completed = 0;
        int failed = 0;
        for (int i = 0; i < sources.size(); i++) {
            Part10Source s = sources.get(i);
            int pc = out.association().findContext(s.sopClassUid(), s.transferSyntaxUid());
            boolean ok = pc > 0 && Status.isSuccess(DimseChannel.await(out.store(pc, s.sopClassUid(),
                    s.sopInstanceUid(), Command.PRIORITY_MEDIUM, s.writer(s.transferSyntaxUid()),
                    rq.association().request().callingAeTitle(), rq.command().messageId())).status());
            if (ok) {
                completed++;
            } else {
                failed++;
            }
            progress(rq, Status.PENDING, sources.size() - i - 1, completed, failed);
        }
        out.release();
        progress(rq, failed == 0 ? Status.SUCCESS : Status.WARNING_SUB_OPERATIONS_FAILED, 0, completed, failed);
    }

    private void get(DimseRequest rq, List<Path> files) throws IOException {
        int completed = 0;
        int failed = 0;
        for (int i = 0; i < files.size(); i++) {
            Part10Source s = Part10Source.open(files.get(i));
            int pc = rq.association().findContext(s.sopClassUid(), s.transferSyntaxUid());
            if (pc < 0) {
                pc = rq.association().findContext(s.sopClassUid(), null);
            }
            boolean ok = pc > 0 && s.canSendAs(rq.association().transferSyntax(pc))
                    && Status.isSuccess(DimseChannel.await(rq.channel().store(pc, s.sopClassUid(), s.sopInstanceUid(),
                    Command.PRIORITY_MEDIUM, s.writer(rq.association().transferSyntax(pc)), null, -1)).status());
            if (ok) {
                completed++;
            } else {
                failed++;
            }
            if (i + 1 < files.size()) {
                progress(rq, Status.PENDING, files.size() - i - 1, completed, failed);
            }
        }
        progress(rq, failed == 0 ? Status.SUCCESS : Status.WARNING_SUB_OPERATIONS_FAILED, 0, completed, failed);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

}
