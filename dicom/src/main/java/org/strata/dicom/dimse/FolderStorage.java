package org.strata.dicom.dimse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.strata.dicom.data.VR;
import org.strata.dicom.dict.Tags;
import org.strata.dicom.io.DicomWriter;
import org.strata.dicom.io.FileMetaInformation;

/**
 * C-STORE SCP service that writes each received instance as a Part 10 file {@code <SOP Instance UID>.dcm} in a
 * folder: File Meta Information, then the received data set bytes copied verbatim as they stream in (never
 * held in memory). A partial file is removed if the transfer fails.
 */
public final class FolderStorage implements DimseService {
    private static final System.Logger LOG = System.getLogger(FolderStorage.class.getName());
    private static final Pattern UID = Pattern.compile("[0-9]+(\\.[0-9]+)*");
    private static final int COPY_BUFFER = 1 << 18;

    private final Path folder;
    private final boolean sync;
    private final Consumer<Path> onStored;

    /**
     * @param sync force each file to disk before answering success (durability over speed)
     * @param onStored called with each stored file (may be null)
     */
    public FolderStorage(Path folder, boolean sync, Consumer<Path> onStored) {
        this.folder = folder;
        this.sync = sync;
        this.onStored = onStored;
    }

    @Override
    public void onRequest(DimseRequest request) throws IOException {
        Command cmd = request.command();
        String cuid = cmd.getString(Command.AFFECTED_SOP_CLASS_UID);
        String iuid = cmd.getString(Command.AFFECTED_SOP_INSTANCE_UID);
        if (cuid == null || iuid == null || !UID.matcher(iuid).matches() || iuid.length() > 64) {
            request.respondError(Status.UNABLE_TO_PROCESS, "missing or invalid SOP class/instance UID");
            return;
        }
        if (request.dataStream() == null) {
            request.respondError(Status.UNABLE_TO_PROCESS, "C-STORE-RQ without data set");
            return;
        }
        Path target = folder.resolve(iuid + ".dcm");
        Path part = folder.resolve(iuid + ".dcm.part");
        try {
            write(part, cuid, iuid, request);
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(part);
            if (!request.association().isOpen()) {
                throw e;
            }
            LOG.log(System.Logger.Level.WARNING, "cannot store " + iuid + " into " + folder + ": " + e);
            request.respondError(Status.OUT_OF_RESOURCES, "cannot write: " + e.getMessage());
            return;
        }
        if (onStored != null) {
            onStored.accept(target);
        }
        request.respond(Status.SUCCESS);
    }

    private void write(Path part, String cuid, String iuid, DimseRequest request) throws IOException {
        try (FileChannel ch = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            OutputStream out = Channels.newOutputStream(ch);
            FileMetaInformation meta = FileMetaInformation.create(cuid, iuid, request.transferSyntax());
            meta.dataset().setString(Tags.SourceApplicationEntityTitle, VR.AE,
                    request.association().request().callingAeTitle());
            new DicomWriter(out).writeFileMetaInformation(meta);
            InputStream in = request.dataStream();
            byte[] buf = new byte[COPY_BUFFER];
            int n;
            // Whole buffers: far fewer writes than one per PDV.
            while ((n = in.readNBytes(buf, 0, buf.length)) > 0) {
                out.write(buf, 0, n);
            }
            if (sync) {
                ch.force(true);
            }
        }
    }
}
