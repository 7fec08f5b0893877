package org.strata.dicom.net;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.net.ServerSocketFactory;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS for DICOM (PS3.15 Annex B) through JSSE, restricted to the BCP 195 profile: TLS 1.2 and 1.3 with AEAD
 * cipher suites and forward secrecy only. Key store (our certificate) and trust store (peers we trust) are
 * PKCS12 or JKS files.
 */
public final class TlsConfig {
    /** Whether the SCP asks the SCU for a certificate. */
    public enum ClientAuth { NONE, WANT, NEED }

    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private final SSLContext context;
    private final ClientAuth clientAuth;
    private final String[] cipherSuites;

    private TlsConfig(SSLContext context, ClientAuth clientAuth) {
        this.context = context;
        this.clientAuth = clientAuth;
        this.cipherSuites = bcp195Suites(context.getSupportedSSLParameters().getCipherSuites());
    }

    /**
     * @param keyStore our key and certificate chain (null for an SCU without client certificate)
     * @param trustStore certificates of the peers we trust (null: the JDK's default trust)
     */
    public static TlsConfig of(Path keyStore, char[] keyStorePassword, Path trustStore, char[] trustStorePassword,
                               ClientAuth clientAuth) throws IOException, GeneralSecurityException {
        return of(keyStore, null, keyStorePassword, trustStore, null, trustStorePassword, clientAuth);
    }

    /**
     * As {@link #of(Path, char[], Path, char[], ClientAuth)} with explicit key store types ({@code PKCS12},
     * {@code JKS}, ...); a null type is taken from the file name ({@code .jks} is JKS, anything else PKCS12).
     */
    public static TlsConfig of(Path keyStore, String keyStoreType, char[] keyStorePassword, Path trustStore,
                               String trustStoreType, char[] trustStorePassword, ClientAuth clientAuth)
            throws IOException, GeneralSecurityException {
        KeyManagerFactory kmf = null;
        if (keyStore != null) {
            kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(load(keyStore, keyStoreType, keyStorePassword), keyStorePassword);
        }
        TrustManagerFactory tmf = null;
        if (trustStore != null) {
            tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(load(trustStore, trustStoreType, trustStorePassword));
        }
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(), null);
        return new TlsConfig(ctx, clientAuth);
    }

    private static KeyStore load(Path path, String type, char[] password)
            throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance(type != null ? type : path.toString().endsWith(".jks") ? "JKS" : "PKCS12");
        try (InputStream in = Files.newInputStream(path)) {
            ks.load(in, password);
        }
        return ks;
    }

    /** BCP 195: AEAD suites with ephemeral key exchange (all TLS 1.3 suites qualify). */
    static String[] bcp195Suites(String[] supported) {
        List<String> out = new ArrayList<>();
        for (String s : supported) {
            boolean tls13 = s.startsWith("TLS_AES_") || s.startsWith("TLS_CHACHA20_");
            boolean strong12 = s.startsWith("TLS_ECDHE_") || s.startsWith("TLS_DHE_");
            boolean aead = s.contains("_GCM_") || s.contains("CHACHA20_POLY1305");
            if (tls13 || (strong12 && aead)) {
                out.add(s);
            }
        }
        return out.toArray(String[]::new);
    }

    /** Cipher suites enabled on our sockets. */
    public List<String> cipherSuites() {
        return Arrays.asList(cipherSuites.clone());
    }

    private SSLParameters parameters() {
        SSLParameters p = context.getDefaultSSLParameters();
        p.setProtocols(PROTOCOLS);
        p.setCipherSuites(cipherSuites);
        return p;
    }

    /** Server sockets that speak TLS with our profile and client-authentication setting. */
    public ServerSocketFactory serverSocketFactory() {
        ServerSocketFactory delegate = context.getServerSocketFactory();
        return new ServerSocketFactory() {
            @Override
            public ServerSocket createServerSocket() throws IOException {
                return configure(delegate.createServerSocket());
            }

            @Override
            public ServerSocket createServerSocket(int port) throws IOException {
                return configure(delegate.createServerSocket(port));
            }

            @Override
            public ServerSocket createServerSocket(int port, int backlog) throws IOException {
                return configure(delegate.createServerSocket(port, backlog));
            }

            @Override
            public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
                return configure(delegate.createServerSocket(port, backlog, address));
            }
        };
    }

    private ServerSocket configure(ServerSocket socket) {
        SSLServerSocket s = (SSLServerSocket) socket;
        SSLParameters p = parameters();
        p.setNeedClientAuth(clientAuth == ClientAuth.NEED);
        if (clientAuth == ClientAuth.WANT) {
            p.setWantClientAuth(true);
        }
        s.setSSLParameters(p);
        return s;
    }

    /** Wraps a connected plain socket into a TLS client socket; the handshake happens on first use. */
    public Socket wrapClient(Socket plain, String host, int port) throws IOException {
        SSLSocket s = (SSLSocket) context.getSocketFactory().createSocket(plain, host, port, true);
        s.setSSLParameters(parameters());
        s.setUseClientMode(true);
        return s;
    }

    /** Opens a TCP connection (optionally TLS) tuned for DICOM. */
    public static Socket connect(String host, int port, TlsConfig tls, AssociationOptions options) throws IOException {
        Socket s = new Socket();
        try {
            s.setSendBufferSize(options.socketBufferSize());
            s.setReceiveBufferSize(options.socketBufferSize());
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress(host, port), options.connectTimeoutMillis());
            if (tls != null) {
                s.setSoTimeout(options.artimTimeoutMillis());
                SSLSocket ssl = (SSLSocket) tls.wrapClient(s, host, port);
                ssl.startHandshake();
                return ssl;
            }
            return s;
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }
}
