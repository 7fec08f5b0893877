package org.strata.dicom.net;

import java.io.IOException;

/**
 * Receives what arrives on an established association. Called on the association's reader thread; a data set
 * that follows the command is read from {@link Association#openDataInput(int)} within the call (it streams from
 * the socket), so the handler must either consume it there or copy it away before returning.
 */
public interface MessageHandler {

    /** A complete command set (group 0000, implicit VR little endian bytes) arrived on a presentation context. */
    void onCommand(Association association, int presentationContextId, byte[] command) throws IOException;

    /** The peer asked to release; called before A-RELEASE-RP is sent, so pending replies may still be sent. */
    default void onReleaseRequested(Association association) {
    }

    /** The association ended; {@code cause} is null after a normal release. Called once. */
    default void onClose(Association association, IOException cause) {
    }
}
