package org.strata.dicom.dimse;

import java.io.IOException;
import java.io.InputStream;
import org.strata.dicom.net.Association;

/**
 * An incoming DIMSE request being performed, and the way to answer it. A C-STORE data set is streamed
 * ({@link #dataStream()}, valid only during the service call); other data sets arrive whole ({@link #data()}).
 */
public final class DimseRequest {
    private final DimseChannel channel;
    private final int presentationContextId;
    private final Command command;
    private final InputStream dataStream;
    private final byte[] data;
    private volatile boolean cancelled;
    private volatile boolean responded;

    DimseRequest(DimseChannel channel, int presentationContextId, Command command, InputStream dataStream,
                 byte[] data) {
        this.channel = channel;
        this.presentationContextId = presentationContextId;
        this.command = command;
        this.dataStream = dataStream;
        this.data = data;
    }

    public DimseChannel channel() {
        return channel;
    }

    public Association association() {
        return channel.association();
    }

    public int presentationContextId() {
        return presentationContextId;
    }

    /** The transfer syntax of the data set (that of the presentation context). */
    public String transferSyntax() {
        return channel.association().transferSyntax(presentationContextId);
    }

    public Command command() {
        return command;
    }

    /** The streamed data set of a C-STORE request (read it before returning), or null. */
    public InputStream dataStream() {
        return dataStream;
    }

    /** The whole data set of a non-C-STORE request, or null if none was sent. */
    public byte[] data() {
        return data;
    }

    /** The whole data set of a non-C-STORE request parsed, or null if none was sent. */
    public org.strata.dicom.data.Dataset dataset() throws IOException {
        return DimseData.read(data, transferSyntax());
    }

    /** Sends a response carrying a data set in the context's transfer syntax (pending or final). */
    public void respond(int status, org.strata.dicom.data.Dataset dataset) throws IOException {
        respond(command.response(status, dataset != null),
                dataset == null ? null : DimseData.writer(dataset, transferSyntax()));
    }

    /** True once the requestor sent C-CANCEL for this request. */
    public boolean isCancelled() {
        return cancelled;
    }

    void cancel() {
        cancelled = true;
    }

    boolean responded() {
        return responded;
    }

    /** Sends the final response with just a status. */
    public void respond(int status) throws IOException {
        respond(command.response(status, false), null);
    }

    /** Sends the final response with a status and an error comment (at most 64 characters are sent). */
    public void respondError(int status, String comment) throws IOException {
        Command rsp = command.response(status, false);
        if (comment != null) {
            rsp.setString(Command.ERROR_COMMENT, comment.length() > 64 ? comment.substring(0, 64) : comment);
        }
        respond(rsp, null);
    }

    /**
     * Sends a response; a pending status keeps the request open, any other ends it.
     *
     * @param response built with {@link Command#response(int, boolean)} (its data set flag must match data)
     * @param data the data set writer, or null
     */
    public void respond(Command response, Association.DataWriter data) throws IOException {
        if (responded) {
            throw new DimseException("request " + command.messageId() + " was already answered");
        }
        if (!Status.isPending(response.status())) {
            responded = true;
        }
        channel.send(presentationContextId, response, data);
    }
}
