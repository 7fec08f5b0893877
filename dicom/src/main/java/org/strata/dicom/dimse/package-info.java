/**
 * DIMSE (PS3.7): command sets ({@link org.strata.dicom.dimse.Command}), and {@link
 * org.strata.dicom.dimse.DimseChannel}, which sends requests (C-ECHO/STORE/FIND/MOVE/GET/CANCEL, N-EVENT-REPORT/
 * GET/SET/ACTION/CREATE/DELETE) and performs incoming ones through the {@link
 * org.strata.dicom.dimse.DimseService}s registered in {@link org.strata.dicom.dimse.DimseServices}.
 *
 * <p>Memory stays bounded: a C-STORE data set is handed to its service as a stream of the PDV bytes ({@link
 * org.strata.dicom.dimse.DimseRequest#dataStream()}), and {@link org.strata.dicom.dimse.Part10Source} sends a
 * file's data set bytes without parsing them.
 *
 * <pre>{@code
 * AssociateRequest rq = new AssociateRequest();
 * rq.setCalledAeTitle("STRATA");
 * rq.addPresentationContext(UIDs.CTImageStorage, UIDs.ExplicitVRLittleEndian);
 * DimseChannel ch = DimseChannel.open("pacs", 11112, null, rq, new AssociationOptions(), new DimseServices(), executor);
 * Part10Source file = Part10Source.open(path);
 * DimseResponse rsp = DimseChannel.await(ch.store(1, file.sopClassUid(), file.sopInstanceUid(),
 *         Command.PRIORITY_MEDIUM, file.writer(ch.association().transferSyntax(1)), null, -1));
 * ch.release();
 * }</pre>
 */
package org.strata.dicom.dimse;
