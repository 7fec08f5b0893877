package org.strata.ejb.retrieve;

import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.strata.dicom.dimse.DimseChannel;
import org.strata.dicom.io.TransferSyntax;
import org.strata.dicom.net.AssociateRequest;
import org.strata.jca.dicom.api.DicomAssociation;

/**
 * The associations of one C-MOVE to its destination: the instances are cut into runs whose presentation contexts
 * fit one association request (PS3.8: at most 128), and each run's association is opened when the sub-operations
 * reach it and released before the next one opens.
 */
final class MoveDestination implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(MoveDestination.class.getName());
    static final String EXPLICIT_LE = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid();
    static final String IMPLICIT_LE = TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid();
    static final int MAX_CONTEXTS = 128;

    /** Opens an association as requested (the resource adapter's outbound connection factory, or a test's own). */
    interface Connector {
        DicomAssociation open(AssociateRequest request) throws IOException;
    }

    private final String callingAeTitle;
    private final String calledAeTitle;
    private final Connector connector;
    private final Map<RetrieveItem, List<RetrieveItem>> runOf = new IdentityHashMap<>();
    private List<RetrieveItem> currentRun;
    private DicomAssociation current;

    MoveDestination(String callingAeTitle, String calledAeTitle, List<RetrieveItem> items, Connector connector) {
        this.callingAeTitle = callingAeTitle;
        this.calledAeTitle = calledAeTitle;
        this.connector = connector;
        for (List<RetrieveItem> run : runs(items)) {
            run.forEach(item -> runOf.put(item, run));
        }
    }

    /** The open association whose contexts were proposed for {@code item}, or null if it cannot be opened. */
    DimseChannel channelFor(RetrieveItem item) {
        List<RetrieveItem> run = runOf.get(item);
        if (run != currentRun) {
            close();
            currentRun = run;
            try {
                current = connector.open(associateRequest(callingAeTitle, calledAeTitle, run));
            } catch (IOException e) {
                LOG.log(Level.WARNING, "cannot associate with move destination " + calledAeTitle, e);
            }
        }
        return current != null && current.channel().association().isOpen() ? current.channel() : null;
    }

    /** Releases the open association, if any. */
    @Override
    public void close() {
        DicomAssociation open = current;
        current = null;
        if (open != null) {
            open.close();
        }
    }

    /** Consecutive runs of items whose contexts fit one association request. */
    static List<List<RetrieveItem>> runs(List<RetrieveItem> items) {
        List<List<RetrieveItem>> runs = new ArrayList<>();
        List<RetrieveItem> run = new ArrayList<>();
        for (RetrieveItem item : items) {
            run.add(item);
            if (contexts(run).size() > MAX_CONTEXTS) {
                run.remove(run.size() - 1);
                runs.add(run);
                run = new ArrayList<>(List.of(item));
            }
        }
        if (!run.isEmpty()) {
            runs.add(run);
        }
        return runs;
    }

    /** Proposes each stored (SOP class, transfer syntax) and, for uncompressed ones, the uncompressed fallbacks. */
    static AssociateRequest associateRequest(String callingAeTitle, String calledAeTitle, List<RetrieveItem> items) {
        AssociateRequest rq = new AssociateRequest();
        rq.setCallingAeTitle(callingAeTitle);
        rq.setCalledAeTitle(calledAeTitle);
        for (List<String> pc : contexts(items)) {
            rq.addPresentationContext(pc.get(0), pc.subList(1, pc.size()).toArray(String[]::new));
        }
        return rq;
    }

    private static List<List<String>> contexts(List<RetrieveItem> items) {
        Map<String, List<String>> contexts = new LinkedHashMap<>();
        for (RetrieveItem item : items) {
            contexts.putIfAbsent(item.sopClassUid() + "|" + item.transferSyntaxUid(),
                    List.of(item.sopClassUid(), item.transferSyntaxUid()));
            if (!TransferSyntax.forUid(item.transferSyntaxUid()).isEncapsulated()) {
                contexts.putIfAbsent(item.sopClassUid() + "|uncompressed",
                        List.of(item.sopClassUid(), EXPLICIT_LE, IMPLICIT_LE));
            }
        }
        return new ArrayList<>(contexts.values());
    }
}
