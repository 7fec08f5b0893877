/**
 * DICOM upper layer (PS3.8) and TLS (PS3.15 Annex B).
 *
 * <p>{@link org.strata.dicom.net.Association} is one association: PDU encoding ({@link
 * org.strata.dicom.net.PduCodec}), the state machine of PS3.8 9.2 (ARTIM, idle timeout, release collision,
 * A-ABORT with source and reason on every protocol violation) and P-DATA-TF fragmentation/streamed reassembly.
 * An SCP is a {@link org.strata.dicom.net.DicomServer} with an {@link org.strata.dicom.net.AcceptPolicy}; both
 * it and every association run on an {@link java.util.concurrent.Executor} the caller supplies. DIMSE on top of
 * this lives in {@code org.strata.dicom.dimse}.
 *
 * <pre>{@code
 * AcceptPolicy policy = new AcceptPolicy().calledAeTitles("STRATA")
 *         .acceptFamily(AcceptPolicy.STORAGE_CLASSES, AcceptPolicy.ANY_TRANSFER_SYNTAX)
 *         .maxAssociations(50).options(new AssociationOptions().idleTimeoutMillis(60_000));
 * DimseServices services = new DimseServices()
 *         .registerFamily(AcceptPolicy.STORAGE_CLASSES, new FolderStorage(folder, true, null));
 * DicomServer server = new DicomServer(policy, services.handlers(executor), executor);
 * server.start(new InetSocketAddress(11112));                       // or start(addr, tls.serverSocketFactory())
 * }</pre>
 */
package org.strata.dicom.net;
