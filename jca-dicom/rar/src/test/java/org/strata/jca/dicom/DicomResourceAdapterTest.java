package org.strata.jca.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkManager;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.dicom.dict.UIDs;
import org.strata.dicom.dimse.Status;
import org.strata.dicom.net.AssociateRequest;
import org.strata.jca.dicom.api.DicomAssociation;
import org.strata.jca.dicom.api.DicomConnectionFactory;
import org.strata.jca.dicom.api.DicomPeer;

/**
 * The adapter outside a container (its WorkManager a thread pool): the TLS port, outbound associations through the
 * connection definition, and the refusals that name the property to fix.
 */
class DicomResourceAdapterTest {
    private static final String PASSWORD = "changeit";

    @TempDir
    static Path dir;
    private static Path keyStore;
    private static Path trustStore;

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final DicomResourceAdapter adapter = new DicomResourceAdapter();

    /** A key store with a self-signed certificate and a trust store holding it: the adapter trusts itself. */
    @BeforeAll
    static void makeKeys() throws Exception {
        keyStore = dir.resolve("archive.p12");
        trustStore = dir.resolve("trust.p12");
        Path cert = dir.resolve("archive.pem");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        keytool(keytool, "-genkeypair", "-alias", "archive", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=archive", "-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", PASSWORD);
        keytool(keytool, "-exportcert", "-rfc", "-alias", "archive", "-keystore", keyStore.toString(), "-storepass",
                PASSWORD, "-file", cert.toString());
        keytool(keytool, "-importcert", "-noprompt", "-alias", "archive", "-file", cert.toString(), "-storetype",
                "PKCS12", "-keystore", trustStore.toString(), "-storepass", PASSWORD);
    }

    private static void keytool(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, String.join(" ", command) + "\n" + output);
    }

    @AfterEach
    void stop() {
        adapter.stop();
        threads.shutdownNow();
    }

    @Test
    void theOutboundFactoryOpensATlsAssociationToTheTlsPortAndCloseReleasesIt() throws Exception {
        int tlsPort = startWithTls();
        List<Integer> closedEvents = new CopyOnWriteArrayList<>();

        DicomConnectionFactory factory = factory(closedEvents);
        try (DicomAssociation as = factory.open(new DicomPeer("127.0.0.1", tlsPort, true), echoRequest())) {
            assertTrue(as.channel().association().isOpen());
            assertEquals(Status.SUCCESS, as.channel().echo().status());
        }

        assertEquals(List.of(ConnectionEvent.CONNECTION_CLOSED), closedEvents);
    }

    @Test
    void aPlainClientIsNotServedOnTheTlsPort() throws Exception {
        int tlsPort = startWithTls();

        assertThrows(IOException.class, () -> adapter.openAssociation(new DicomPeer("127.0.0.1", tlsPort, false),
                echoRequest()).echo());
    }

    @Test
    void aTlsPortWithoutAKeyStoreStopsTheStartNamingTheProperty() throws Exception {
        adapter.setPort(freePort());
        adapter.setTlsPort(freePort());

        ResourceAdapterInternalException e = assertThrows(ResourceAdapterInternalException.class,
                () -> adapter.start(bootstrap()));

        assertTrue(e.getMessage().contains("'keyStore'"), e.getMessage());
        assertFalse(adapter.state().listening());
    }

    @Test
    void aKeyStoreWithTheWrongPasswordStopsTheStartNamingTheProperties() throws Exception {
        adapter.setPort(freePort());
        adapter.setTlsPort(freePort());
        adapter.setKeyStore(keyStore.toString());
        adapter.setKeyStorePassword("wrong");

        ResourceAdapterInternalException e = assertThrows(ResourceAdapterInternalException.class,
                () -> adapter.start(bootstrap()));

        assertTrue(e.getMessage().contains("'keyStore'"), e.getMessage());
    }

    @Test
    void outboundTlsWithoutATrustStoreIsRefusedNamingTheProperty() throws Exception {
        adapter.setPort(freePort());
        adapter.start(bootstrap());

        IOException e = assertThrows(IOException.class,
                () -> factory(new CopyOnWriteArrayList<>()).open(new DicomPeer("127.0.0.1", 1, true), echoRequest()));

        assertTrue(e.getMessage().contains("'trustStore'"), e.getMessage());
    }

    /** Starts the adapter with a TLS port, key store and trust store; returns the TLS port. */
    private int startWithTls() throws Exception {
        int tlsPort = freePort();
        adapter.setPort(freePort());
        adapter.setTlsPort(tlsPort);
        adapter.setKeyStore(keyStore.toString());
        adapter.setKeyStorePassword(PASSWORD);
        adapter.setTrustStore(trustStore.toString());
        adapter.setTrustStorePassword(PASSWORD);
        adapter.start(bootstrap());
        return tlsPort;
    }

    /** The connection definition as the container would use it, without pooling. */
    private DicomConnectionFactory factory(List<Integer> closedEvents) {
        OutboundManagedConnectionFactory mcf = new OutboundManagedConnectionFactory();
        mcf.setResourceAdapter(adapter);
        ConnectionManager unpooled = (managedFactory, info) -> {
            ManagedConnection mc = managedFactory.createManagedConnection(null, info);
            mc.addConnectionEventListener(new ConnectionEventListener() {
                @Override
                public void connectionClosed(ConnectionEvent event) {
                    closedEvents.add(event.getId());
                }

                @Override
                public void localTransactionStarted(ConnectionEvent event) {
                }

                @Override
                public void localTransactionCommitted(ConnectionEvent event) {
                }

                @Override
                public void localTransactionRolledback(ConnectionEvent event) {
                }

                @Override
                public void connectionErrorOccurred(ConnectionEvent event) {
                    closedEvents.add(event.getId());
                }
            });
            return mc.getConnection(null, info);
        };
        return (DicomConnectionFactory) mcf.createConnectionFactory(unpooled);
    }

    private static AssociateRequest echoRequest() {
        AssociateRequest rq = new AssociateRequest();
        rq.setCallingAeTitle("TEST");
        rq.setCalledAeTitle("STRATA");
        rq.addPresentationContext(UIDs.Verification, UIDs.ImplicitVRLittleEndian);
        return rq;
    }

    /** A BootstrapContext whose WorkManager runs scheduled work on a thread pool. */
    private BootstrapContext bootstrap() {
        WorkManager workManager = (WorkManager) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {WorkManager.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("scheduleWork")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    threads.execute((Work) args[0]);
                    return null;
                });
        return (BootstrapContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {BootstrapContext.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("getWorkManager")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return workManager;
                });
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
