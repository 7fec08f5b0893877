package org.strata.jca.dicom;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.Connector;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.TransactionSupport;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.Set;
import java.util.function.Predicate;
import java.util.logging.Logger;
import javax.net.ServerSocketFactory;
import javax.transaction.xa.XAResource;
import org.strata.dicom.dict.UIDs;
import org.strata.dicom.dimse.DimseChannel;
import org.strata.dicom.dimse.DimseServices;
import org.strata.dicom.net.AcceptPolicy;
import org.strata.dicom.net.AssociateRequest;
import org.strata.dicom.net.AssociationOptions;
import org.strata.dicom.net.TlsConfig;
import org.strata.jca.dicom.api.DicomListenerState;
import org.strata.jca.dicom.api.DicomPeer;

/**
 * Runs Strata's DICOM listener inside WildFly. Its properties are set in the {@code resource-adapters}
 * subsystem (console or CLI), where an administrator changes them.
 */
@Connector(
        displayName = "Strata DICOM",
        description = "DICOM listener of the Strata archive",
        vendorName = "Strata",
        eisType = "DICOM",
        version = "1.0",
        transactionSupport = TransactionSupport.TransactionSupportLevel.NoTransaction)
public class DicomResourceAdapter implements ResourceAdapter {
    private static final Logger LOG = Logger.getLogger(DicomResourceAdapter.class.getName());
    /** The value of an unset key store, trust store or password property (WildFly refuses empty values). */
    static final String UNSET = "none";
    /**
     * C-FIND, C-GET and C-MOVE (Patient and Study Root), and the Modality Worklist C-FIND; the C-STORE sub-operations
     * of C-GET and C-MOVE use the storage contexts.
     */
    private static final String[] QUERY_RETRIEVE_CLASSES = {
        UIDs.PatientRootQueryRetrieveInformationModelFind, UIDs.StudyRootQueryRetrieveInformationModelFind,
        UIDs.ModalityWorklistInformationModelFind,
        UIDs.PatientRootQueryRetrieveInformationModelGet, UIDs.StudyRootQueryRetrieveInformationModelGet,
        UIDs.PatientRootQueryRetrieveInformationModelMove, UIDs.StudyRootQueryRetrieveInformationModelMove};
    /** Normalized services: Storage Commitment Push Model (N-ACTION, then our N-EVENT-REPORT) and MPPS. */
    private static final String[] N_SERVICE_CLASSES = {UIDs.StorageCommitmentPushModel,
        UIDs.ModalityPerformedProcedureStep};

    @ConfigProperty(defaultValue = "STRATA", description = "AE title the archive answers to")
    private String aeTitle = "STRATA";

    @ConfigProperty(defaultValue = "127.0.0.1", description = "Address the DICOM listener binds")
    private String host = "127.0.0.1";

    @ConfigProperty(defaultValue = "11112", description = "TCP port of the DICOM listener")
    private Integer port = 11112;

    @ConfigProperty(defaultValue = "*", description = "Calling AE titles allowed to associate, comma-separated; * allows all")
    private String acceptedCallingAeTitles = "*";

    @ConfigProperty(defaultValue = "100", description = "Most associations served at once; more are rejected (transient)")
    private Integer maxAssociations = 100;

    @ConfigProperty(defaultValue = "60", description = "Seconds an association may stay silent before it is aborted")
    private Integer idleTimeoutSeconds = 60;

    @ConfigProperty(defaultValue = "*",
            description = "Storage SOP Class UIDs accepted for C-STORE, comma-separated; * accepts every storage class")
    private String acceptedStorageSopClasses = "*";

    @ConfigProperty(defaultValue = "*", description = "Transfer Syntax UIDs accepted for C-STORE in order of"
            + " preference, comma-separated; * takes the sender's first proposal")
    private String acceptedTransferSyntaxes = "*";

    @ConfigProperty(defaultValue = "0", description = "TCP port of the DICOM TLS listener; 0 turns it off")
    private Integer tlsPort = 0;

    @ConfigProperty(defaultValue = UNSET, description = "Key store with the archive's TLS key and certificate (TLS"
            + " port, client certificate on outbound TLS); none = not set")
    private String keyStore;

    @ConfigProperty(defaultValue = UNSET, description = "Password of the key store and of its key; none = not set")
    private String keyStorePassword;

    @ConfigProperty(defaultValue = "PKCS12", description = "Type of the key store: PKCS12 or JKS")
    private String keyStoreType = "PKCS12";

    @ConfigProperty(defaultValue = UNSET, description = "Trust store with the certificates of the peers the archive"
            + " trusts over TLS; none = not set")
    private String trustStore;

    @ConfigProperty(defaultValue = UNSET, description = "Password of the trust store; none = not set")
    private String trustStorePassword;

    @ConfigProperty(defaultValue = "PKCS12", description = "Type of the trust store: PKCS12 or JKS")
    private String trustStoreType = "PKCS12";

    @ConfigProperty(defaultValue = "true", description = "Whether the TLS port refuses clients without a certificate"
            + " the trust store trusts")
    private Boolean tlsClientCertificateRequired = true;

    private final EndpointDelivery delivery = new EndpointDelivery();
    private volatile DicomListener listener;
    private volatile DicomListener tlsListener;
    private volatile Executor executor;
    private volatile TlsConfig tls;
    private volatile String problem = "not started";

    @Override
    public void start(BootstrapContext context) throws ResourceAdapterInternalException {
        Executor work = new WorkManagerExecutor(context.getWorkManager());
        DicomListener started = new DicomListener(host, port, "port", ServerSocketFactory.getDefault(),
                acceptPolicy(), services(), work);
        DicomListener startedTls = null;
        try {
            TlsConfig configured = tlsConfig();
            if (tlsPort != null && tlsPort != 0) {
                if (configured == null || isBlank(keyStore)) {
                    throw new ResourceException("resource adapter property 'tlsPort' is " + tlsPort
                            + " but property 'keyStore' is not set: the TLS port needs the archive's key and"
                            + " certificate");
                }
                startedTls = new DicomListener(host, tlsPort, "tlsPort", configured.serverSocketFactory(),
                        acceptPolicy(), services(), work);
            }
            started.open();
            if (startedTls != null) {
                startedTls.open();
            }
            tls = configured;
        } catch (ResourceException e) {
            started.close();
            problem = e.getMessage();
            // One line an administrator can act on; the container adds its own trace after it.
            LOG.severe("Strata cannot start: " + e.getMessage());
            throw new ResourceAdapterInternalException(e.getMessage(), e);
        }
        executor = work;
        listener = started;
        tlsListener = startedTls;
        problem = null;
        LOG.info(() -> "Strata DICOM listener " + aeTitle + " accepting on " + host + ":" + port
                + (tlsListener == null ? "" : " and with TLS on " + host + ":" + tlsPort));
    }

    /** TLS from the key and trust store properties; null when neither is set. */
    private TlsConfig tlsConfig() throws ResourceException {
        if (isBlank(keyStore) && isBlank(trustStore)) {
            return null;
        }
        try {
            return TlsConfig.of(path(keyStore), keyStoreType, chars(keyStorePassword), path(trustStore),
                    trustStoreType, chars(trustStorePassword), Boolean.FALSE.equals(tlsClientCertificateRequired)
                            ? TlsConfig.ClientAuth.NONE : TlsConfig.ClientAuth.NEED);
        } catch (IOException | GeneralSecurityException e) {
            throw new ResourceException("TLS key store '" + keyStore + "' or trust store '" + trustStore
                    + "' (resource adapter properties 'keyStore', 'trustStore' and their passwords and types)"
                    + " cannot be loaded: " + e, e);
        }
    }

    /** Whether a store or password property is unset. */
    private static boolean isBlank(String s) {
        return s == null || s.isBlank() || s.strip().equals(UNSET);
    }

    private static Path path(String s) {
        return isBlank(s) ? null : Path.of(s.strip());
    }

    private static char[] chars(String s) {
        return isBlank(s) ? null : s.toCharArray();
    }

    @Override
    public void stop() {
        DicomListener running = listener;
        DicomListener runningTls = tlsListener;
        listener = null;
        tlsListener = null;
        problem = "stopped";
        if (running != null) {
            running.close();
        }
        if (runningTls != null) {
            runningTls.close();
        }
    }

    /**
     * Opens an association for the outbound connection factory: on the WorkManager, with TLS when the peer asks
     * for it (verified against the trust store; the key store's certificate is offered to the peer).
     */
    DimseChannel openAssociation(DicomPeer peer, AssociateRequest request) throws IOException {
        Executor work = executor;
        if (work == null) {
            throw new IOException("the DICOM resource adapter is not started");
        }
        TlsConfig peerTls = null;
        if (peer.tls()) {
            peerTls = tls;
            if (peerTls == null || isBlank(trustStore)) {
                throw new IOException("remote AE " + request.calledAeTitle() + " at " + peer.host() + ":" + peer.port()
                        + " wants TLS but resource adapter property 'trustStore' is not set");
            }
        }
        return DimseChannel.open(peer.host(), peer.port(), peerTls, request,
                new AssociationOptions().idleTimeoutMillis(idleTimeoutSeconds * 1000), new DimseServices(), work);
    }

    private AcceptPolicy acceptPolicy() {
        AssociationOptions options = new AssociationOptions().idleTimeoutMillis(idleTimeoutSeconds * 1000);
        AcceptPolicy policy = new AcceptPolicy()
                .calledAeTitles(aeTitle)
                .callingAeTitles(list(acceptedCallingAeTitles))
                .maxAssociations(maxAssociations)
                .options(options)
                .accept(DimseServices.VERIFICATION, UIDs.ExplicitVRLittleEndian, UIDs.ImplicitVRLittleEndian);
        // Objects are stored as received, so by default every transfer syntax the sender proposes is welcome.
        String[] syntaxes = list(acceptedTransferSyntaxes);
        policy.acceptFamily(storageClasses(),
                syntaxes.length == 0 ? new String[] {AcceptPolicy.ANY_TRANSFER_SYNTAX} : syntaxes);
        for (String queryRetrieve : QUERY_RETRIEVE_CLASSES) {
            policy.accept(queryRetrieve, UIDs.ExplicitVRLittleEndian, UIDs.ImplicitVRLittleEndian);
        }
        for (String nService : N_SERVICE_CLASSES) {
            policy.accept(nService, UIDs.ExplicitVRLittleEndian, UIDs.ImplicitVRLittleEndian);
        }
        return policy;
    }

    private DimseServices services() {
        DimseServices services = new DimseServices().registerFamily(storageClasses(), delivery);
        for (String queryRetrieve : QUERY_RETRIEVE_CLASSES) {
            services.register(queryRetrieve, delivery);
        }
        for (String nService : N_SERVICE_CLASSES) {
            services.register(nService, delivery);
        }
        return services;
    }

    /** Every storage SOP class, or those of them the administrator listed. */
    private Predicate<String> storageClasses() {
        Set<String> listed = Set.of(list(acceptedStorageSopClasses));
        return listed.isEmpty() ? AcceptPolicy.STORAGE_CLASSES : AcceptPolicy.STORAGE_CLASSES.and(listed::contains);
    }

    private static String[] list(String commaSeparated) {
        return Arrays.stream(commaSeparated == null ? new String[0] : commaSeparated.split(","))
                .map(String::strip).filter(s -> !s.isEmpty() && !s.equals("*")).toArray(String[]::new);
    }

    DicomListenerState state() {
        DicomListener running = listener;
        return new DicomListenerState(aeTitle, host, port, running != null && running.isOpen(), problem);
    }

    @Override
    public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec) {
        delivery.activate(factory);
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
        delivery.deactivate(factory);
    }

    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return null;
    }

    public String getAeTitle() { return aeTitle; }
    public void setAeTitle(String aeTitle) { this.aeTitle = aeTitle; }
    public String getHost() { return host; }
    public void setHost(String host) { this.host = host; }
    public Integer getPort() { return port; }
    public void setPort(Integer port) { this.port = port; }
    public String getAcceptedCallingAeTitles() { return acceptedCallingAeTitles; }
    public void setAcceptedCallingAeTitles(String titles) { this.acceptedCallingAeTitles = titles; }
    public Integer getMaxAssociations() { return maxAssociations; }
    public void setMaxAssociations(Integer maxAssociations) { this.maxAssociations = maxAssociations; }
    public Integer getIdleTimeoutSeconds() { return idleTimeoutSeconds; }
    public void setIdleTimeoutSeconds(Integer seconds) { this.idleTimeoutSeconds = seconds; }
    public String getAcceptedStorageSopClasses() { return acceptedStorageSopClasses; }
    public void setAcceptedStorageSopClasses(String uids) { this.acceptedStorageSopClasses = uids; }
    public String getAcceptedTransferSyntaxes() { return acceptedTransferSyntaxes; }
    public void setAcceptedTransferSyntaxes(String uids) { this.acceptedTransferSyntaxes = uids; }
    public Integer getTlsPort() { return tlsPort; }
    public void setTlsPort(Integer tlsPort) { this.tlsPort = tlsPort; }
    public String getKeyStore() { return keyStore; }
    public void setKeyStore(String keyStore) { this.keyStore = keyStore; }
    public String getKeyStorePassword() { return keyStorePassword; }
    public void setKeyStorePassword(String password) { this.keyStorePassword = password; }
    public String getKeyStoreType() { return keyStoreType; }
    public void setKeyStoreType(String type) { this.keyStoreType = type; }
    public String getTrustStore() { return trustStore; }
    public void setTrustStore(String trustStore) { this.trustStore = trustStore; }
    public String getTrustStorePassword() { return trustStorePassword; }
    public void setTrustStorePassword(String password) { this.trustStorePassword = password; }
    public String getTrustStoreType() { return trustStoreType; }
    public void setTrustStoreType(String type) { this.trustStoreType = type; }
    public Boolean getTlsClientCertificateRequired() { return tlsClientCertificateRequired; }
    public void setTlsClientCertificateRequired(Boolean required) { this.tlsClientCertificateRequired = required; }

    // The JCA specification asks a resource adapter bean to define equality by its configuration.
    @Override
    public boolean equals(Object o) {
        return o instanceof DicomResourceAdapter other
                && Objects.equals(aeTitle, other.aeTitle)
                && Objects.equals(host, other.host)
                && Objects.equals(port, other.port)
                && Objects.equals(acceptedCallingAeTitles, other.acceptedCallingAeTitles)
                && Objects.equals(maxAssociations, other.maxAssociations)
                && Objects.equals(idleTimeoutSeconds, other.idleTimeoutSeconds)
                && Objects.equals(acceptedStorageSopClasses, other.acceptedStorageSopClasses)
                && Objects.equals(acceptedTransferSyntaxes, other.acceptedTransferSyntaxes)
                && Objects.equals(tlsPort, other.tlsPort)
                && Objects.equals(keyStore, other.keyStore)
                && Objects.equals(keyStorePassword, other.keyStorePassword)
                && Objects.equals(keyStoreType, other.keyStoreType)
                && Objects.equals(trustStore, other.trustStore)
                && Objects.equals(trustStorePassword, other.trustStorePassword)
                && Objects.equals(trustStoreType, other.trustStoreType)
                && Objects.equals(tlsClientCertificateRequired, other.tlsClientCertificateRequired);
    }

    @Override
    public int hashCode() {
        return Objects.hash(aeTitle, host, port, acceptedCallingAeTitles, maxAssociations, idleTimeoutSeconds,
                acceptedStorageSopClasses, acceptedTransferSyntaxes, tlsPort, keyStore, keyStoreType, trustStore,
                trustStoreType, tlsClientCertificateRequired);
    }
}
