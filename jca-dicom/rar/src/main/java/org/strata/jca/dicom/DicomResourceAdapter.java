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
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.logging.Logger;
import javax.transaction.xa.XAResource;
import org.strata.dicom.dict.UIDs;
import org.strata.dicom.dimse.DimseServices;
import org.strata.dicom.net.AcceptPolicy;
import org.strata.dicom.net.AssociationOptions;
import org.strata.jca.dicom.api.DicomListenerState;

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
    /**
     * C-FIND, C-GET and C-MOVE (Patient and Study Root); the C-STORE sub-operations of the last two use the storage
     * contexts.
     */
    private static final String[] QUERY_RETRIEVE_CLASSES = {
        UIDs.PatientRootQueryRetrieveInformationModelFind, UIDs.StudyRootQueryRetrieveInformationModelFind,
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

    private final EndpointDelivery delivery = new EndpointDelivery();
    private volatile DicomListener listener;
    private volatile String problem = "not started";

    @Override
    public void start(BootstrapContext context) throws ResourceAdapterInternalException {
        DicomListener started = new DicomListener(host, port, acceptPolicy(), services(),
                new WorkManagerExecutor(context.getWorkManager()));
        try {
            started.open();
        } catch (ResourceException e) {
            problem = e.getMessage();
            // One line an administrator can act on; the container adds its own trace after it.
            LOG.severe("Strata cannot start: " + e.getMessage());
            throw new ResourceAdapterInternalException(e.getMessage(), e);
        }
        listener = started;
        problem = null;
        LOG.info(() -> "Strata DICOM listener " + aeTitle + " accepting on " + host + ":" + port);
    }

    @Override
    public void stop() {
        DicomListener running = listener;
        listener = null;
        problem = "stopped";
        if (running != null) {
            running.close();
        }
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
                && Objects.equals(acceptedTransferSyntaxes, other.acceptedTransferSyntaxes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(aeTitle, host, port, acceptedCallingAeTitles, maxAssociations, idleTimeoutSeconds,
                acceptedStorageSopClasses, acceptedTransferSyntaxes);
    }
}
