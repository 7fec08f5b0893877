package org.strata.dicom.dimse;

/** A response received for a request we sent: its command and, if one followed, its data set bytes. */
public final class DimseResponse {
    private final Command command;
    private final byte[] data;
    private final String transferSyntax;

    DimseResponse(Command command, byte[] data, String transferSyntax) {
        this.command = command;
        this.data = data;
        this.transferSyntax = transferSyntax;
    }

    public Command command() {
        return command;
    }

    public int status() {
        return command.status();
    }

    /** The data set (identifier, attribute list...) encoded in {@link #transferSyntax()}, or null. */
    public byte[] data() {
        return data;
    }

    public String transferSyntax() {
        return transferSyntax;
    }

    /** The data set parsed, or null if none was sent. */
    public org.strata.dicom.data.Dataset dataset() throws java.io.IOException {
        return DimseData.read(data, transferSyntax);
    }

    /** Error Comment (0000,0902), or null. */
    public String errorComment() {
        return command.getString(Command.ERROR_COMMENT);
    }

    @Override
    public String toString() {
        return command.toString();
    }
}
