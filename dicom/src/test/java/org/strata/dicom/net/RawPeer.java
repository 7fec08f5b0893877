package org.strata.dicom.net;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Arrays;

/** A hand-driven peer speaking raw bytes, to provoke the protocol corner cases of PS3.8. */
final class RawPeer implements AutoCloseable {
    final Socket socket;
    final DataInputStream in;

    RawPeer(int port, int readTimeoutMillis) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        socket.setSoTimeout(readTimeoutMillis);
        in = new DataInputStream(socket.getInputStream());
    }

    RawPeer(Socket accepted, int readTimeoutMillis) throws IOException {
        socket = accepted;
        socket.setSoTimeout(readTimeoutMillis);
        in = new DataInputStream(socket.getInputStream());
    }

    void send(byte[] b) throws IOException {
        socket.getOutputStream().write(b);
        socket.getOutputStream().flush();
    }

    /** One whole PDU (header included). */
    byte[] readPdu() throws IOException {
        byte[] header = new byte[6];
        in.readFully(header);
        int len = ((header[2] & 0xFF) << 24) | ((header[3] & 0xFF) << 16) | ((header[4] & 0xFF) << 8) | (header[5] & 0xFF);
        byte[] pdu = Arrays.copyOf(header, 6 + len);
        in.readFully(pdu, 6, len);
        return pdu;
    }

    /** True if the peer closed the connection (EOF or reset) before the read timeout. */
    boolean closedByOtherSide() throws IOException {
        try {
            while (in.read() >= 0) {
                // Drain anything still sent before the close.
            }
            return true;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (EOFException | java.net.SocketException e) {
            return true;
        }
    }

    static byte[] pdu(int type, byte... body) {
        byte[] b = new byte[6 + body.length];
        b[0] = (byte) type;
        PduCodec.putInt(b, 2, body.length);
        System.arraycopy(body, 0, b, 6, body.length);
        return b;
    }

    /** A P-DATA-TF with one PDV. */
    static byte[] pdata(int pcid, int header, byte[] data) {
        byte[] body = new byte[6 + data.length];
        PduCodec.putInt(body, 0, data.length + 2);
        body[4] = (byte) pcid;
        body[5] = (byte) header;
        System.arraycopy(data, 0, body, 6, data.length);
        return pdu(PduCodec.P_DATA_TF, body);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
