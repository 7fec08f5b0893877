package org.strata.dicom.net;

import java.util.ArrayList;
import java.util.List;

/** What A-ASSOCIATE-RQ and A-ASSOCIATE-AC have in common (PS3.8 9.3.2/9.3.3, PS3.7 Annex D). */
public abstract class AssociateParameters {
    /** The DICOM application context name. */
    public static final String DICOM_APPLICATION_CONTEXT = "1.2.840.10008.3.1.1.1";
    /** Implementation class UID of this toolkit. */
    public static final String IMPLEMENTATION_CLASS_UID = "1.2.826.0.1.3680043.10.1471.1";
    /** Implementation version name of this toolkit (at most 16 characters). */
    public static final String IMPLEMENTATION_VERSION_NAME = "STRATA_010";

    private String calledAeTitle = "ANY-SCP";
    private String callingAeTitle = "ANY-SCU";
    private int protocolVersion = 1;
    private String applicationContext = DICOM_APPLICATION_CONTEXT;
    private final List<PresentationContext> presentationContexts = new ArrayList<>();
    private long maxPduLength = 65536;
    private String implementationClassUid = IMPLEMENTATION_CLASS_UID;
    private String implementationVersionName = IMPLEMENTATION_VERSION_NAME;
    private int maxOpsInvoked = 1;
    private int maxOpsPerformed = 1;
    private final List<RoleSelection> roleSelections = new ArrayList<>();
    private final List<ExtendedNegotiation> extendedNegotiations = new ArrayList<>();

    public String calledAeTitle() {
        return calledAeTitle;
    }

    public void setCalledAeTitle(String title) {
        this.calledAeTitle = title;
    }

    public String callingAeTitle() {
        return callingAeTitle;
    }

    public void setCallingAeTitle(String title) {
        this.callingAeTitle = title;
    }

    public int protocolVersion() {
        return protocolVersion;
    }

    public void setProtocolVersion(int protocolVersion) {
        this.protocolVersion = protocolVersion;
    }

    public String applicationContext() {
        return applicationContext;
    }

    public void setApplicationContext(String uid) {
        this.applicationContext = uid;
    }

    /** Presentation contexts, in the order they are encoded (mutable). */
    public List<PresentationContext> presentationContexts() {
        return presentationContexts;
    }

    public PresentationContext presentationContext(int id) {
        for (PresentationContext pc : presentationContexts) {
            if (pc.id() == id) {
                return pc;
            }
        }
        return null;
    }

    /** Maximum length of a P-DATA-TF PDU this side receives; 0 means unlimited. */
    public long maxPduLength() {
        return maxPduLength;
    }

    public void setMaxPduLength(long maxPduLength) {
        if (maxPduLength < 0 || maxPduLength > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("max PDU length out of range: " + maxPduLength);
        }
        this.maxPduLength = maxPduLength;
    }

    public String implementationClassUid() {
        return implementationClassUid;
    }

    public void setImplementationClassUid(String uid) {
        this.implementationClassUid = uid;
    }

    public String implementationVersionName() {
        return implementationVersionName;
    }

    public void setImplementationVersionName(String name) {
        this.implementationVersionName = name;
    }

    /** Asynchronous operations window: operations invoked (0 = unlimited; 1 = synchronous). */
    public int maxOpsInvoked() {
        return maxOpsInvoked;
    }

    /** Asynchronous operations window: operations performed (0 = unlimited; 1 = synchronous). */
    public int maxOpsPerformed() {
        return maxOpsPerformed;
    }

    public void setAsyncOpsWindow(int invoked, int performed) {
        if (invoked < 0 || invoked > 0xFFFF || performed < 0 || performed > 0xFFFF) {
            throw new IllegalArgumentException("async operations window out of range");
        }
        this.maxOpsInvoked = invoked;
        this.maxOpsPerformed = performed;
    }

    /** Role selections (mutable). */
    public List<RoleSelection> roleSelections() {
        return roleSelections;
    }

    public RoleSelection roleSelection(String sopClass) {
        for (RoleSelection r : roleSelections) {
            if (r.sopClass().equals(sopClass)) {
                return r;
            }
        }
        return null;
    }

    /** SOP class extended negotiations (mutable). */
    public List<ExtendedNegotiation> extendedNegotiations() {
        return extendedNegotiations;
    }

    public ExtendedNegotiation extendedNegotiation(String sopClass) {
        for (ExtendedNegotiation e : extendedNegotiations) {
            if (e.sopClass().equals(sopClass)) {
                return e;
            }
        }
        return null;
    }
}
