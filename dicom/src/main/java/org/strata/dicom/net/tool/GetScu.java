package org.strata.dicom.net.tool;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.strata.dicom.dict.UIDs;
import org.strata.dicom.dimse.DimseChannel;
import org.strata.dicom.dimse.DimseResponse;
import org.strata.dicom.dimse.DimseServices;
import org.strata.dicom.dimse.FolderStorage;
import org.strata.dicom.net.AcceptPolicy;
import org.strata.dicom.net.AssociateRequest;
import org.strata.dicom.net.RoleSelection;
import org.strata.dicom.tool.Command;
import org.strata.dicom.tool.ExitCode;
import org.strata.dicom.tool.UsageException;

/** {@code getscu HOST PORT --dir FOLDER -k KEY=VALUE...}: C-GET, receiving on the same association. */
public final class GetScu implements Command {
    /** Storage classes proposed (with SCP role) unless --storage-class is given. */
    static final List<String> DEFAULT_STORAGE_CLASSES = List.of(UIDs.CTImageStorage, UIDs.MRImageStorage,
            UIDs.EnhancedCTImageStorage, UIDs.EnhancedMRImageStorage, UIDs.ComputedRadiographyImageStorage,
            UIDs.DigitalXRayImageStorageForPresentation, UIDs.DigitalMammographyXRayImageStorageForPresentation,
            UIDs.UltrasoundImageStorage, UIDs.UltrasoundMultiFrameImageStorage, UIDs.XRayAngiographicImageStorage,
            UIDs.NuclearMedicineImageStorage, UIDs.PositronEmissionTomographyImageStorage,
            UIDs.SecondaryCaptureImageStorage, UIDs.MultiFrameTrueColorSecondaryCaptureImageStorage,
            UIDs.VLPhotographicImageStorage, UIDs.RTImageStorage, UIDs.RTDoseStorage, UIDs.RTStructureSetStorage,
            UIDs.RTPlanStorage, UIDs.SegmentationStorage, UIDs.GrayscaleSoftcopyPresentationStateStorage,
            UIDs.BasicTextSRStorage, UIDs.EnhancedSRStorage, UIDs.ComprehensiveSRStorage,
            UIDs.KeyObjectSelectionDocumentStorage, UIDs.EncapsulatedPDFStorage, UIDs.TwelveLeadECGWaveformStorage);
    private static final String[] UNCOMPRESSED = {"1.2.840.10008.1.2.1", "1.2.840.10008.1.2",
        "1.2.840.10008.1.2.2"};

    @Override
    public String name() {
        return "getscu";
    }

    @Override
    public String summary() {
        return "retrieve objects with C-GET into a folder";
    }

    @Override
    public String usage() {
        return """
                usage: strata-dicom getscu [OPTIONS] HOST PORT --dir FOLDER -k KEY=VALUE...
                Sends one C-GET; the objects arrive as C-STORE sub-operations on the same association (we take
                the SCP role for the storage classes proposed) and are written to FOLDER/<SOP Instance UID>.dcm.
                  --dir FOLDER              where to write (created if missing)
                  --storage-class UID       propose only this storage class (default: 27 common ones)
                  -k KEY[=VALUE]            identifier keys (QueryRetrieveLevel defaults to STUDY)
                """ + QueryModel.USAGE + NetToolOptions.USAGE
                + "Exit codes: 0 success, 1 failure/warning status, 2 usage or connection error.\n";
    }

    @Override
    public int run(List<String> argv, PrintStream out, PrintStream err) throws UsageException, IOException {
        NetToolOptions o = new NetToolOptions(argv, Set.of("--model", "--dir", "--storage-class"), Set.of());
        List<String> hostPort = o.args.operands(2, 2);
        QueryModel model = QueryModel.of(o, true);
        String dir = o.args.option("--dir", null);
        if (dir == null) {
            throw new UsageException("--dir FOLDER is required");
        }
        Path folder = Files.createDirectories(Path.of(dir));
        String only = o.args.option("--storage-class", null);
        AssociateRequest rq = o.request();
        rq.addPresentationContext(model.get, "1.2.840.10008.1.2.1", "1.2.840.10008.1.2");
        for (String cuid : only == null ? DEFAULT_STORAGE_CLASSES : List.of(only)) {
            rq.addPresentationContext(cuid, UNCOMPRESSED);
            rq.roleSelections().add(new RoleSelection(cuid, false, true));
        }
        DimseServices services = new DimseServices().registerFamily(AcceptPolicy.STORAGE_CLASSES,
                new FolderStorage(folder, false, o.verbose() ? p -> out.println("stored " + p) : null));
        ExecutorService executor = Executors.newCachedThreadPool();
        try {
            DimseChannel ch = ToolSupport.open(hostPort.get(0), NetToolOptions.port(hostPort.get(1)), o, rq,
                    services, executor, err);
            if (ch == null) {
                return ExitCode.PROBLEM;
            }
            DimseResponse done = DimseChannel.await(ch.get(ch.requireContext(model.get, null), model.get,
                    RetrieveSupport.keys(o), p -> out.println("C-GET " + RetrieveSupport.progress(p))));
            out.println("C-GET done: " + RetrieveSupport.progress(done));
            ch.release();
            return ToolSupport.exitFor(done.status());
        } finally {
            executor.shutdownNow();
        }
    }

    public static void main(String[] args) {
        ToolSupport.main(new GetScu(), args);
    }
}
