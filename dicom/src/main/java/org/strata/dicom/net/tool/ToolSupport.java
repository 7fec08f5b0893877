package org.strata.dicom.net.tool;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;
import org.strata.dicom.dimse.DimseChannel;
import org.strata.dicom.dimse.DimseServices;
import org.strata.dicom.net.AssociateRequest;
import org.strata.dicom.net.AssociationRejectedException;
import org.strata.dicom.tool.Command;
import org.strata.dicom.tool.ExitCode;
import org.strata.dicom.tool.Main;

/** Plumbing shared by the network tools. */
final class ToolSupport {
    private ToolSupport() {
    }

    /** Opens the association; prints a rejection on {@code err} and returns null for it. */
    static DimseChannel open(String host, int port, NetToolOptions o, AssociateRequest rq, DimseServices services,
                             Executor executor, PrintStream err) throws IOException, org.strata.dicom.tool.UsageException {
        try {
            return DimseChannel.open(host, port, o.tls(), rq, o.associationOptions(), services, executor);
        } catch (AssociationRejectedException e) {
            err.println("association rejected by " + host + ":" + port + ": " + e.reject());
            return null;
        }
    }

    /** A standalone {@code main} for one tool, with the dispatcher's exit-code conventions. */
    static void main(Command command, String[] args) {
        String[] withName = new String[args.length + 1];
        withName[0] = command.name();
        System.arraycopy(args, 0, withName, 1, args.length);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(Main.run(withName, out, err));
    }

    /** Exit code for a DIMSE status: success 0, anything else 1. */
    static int exitFor(int status) {
        return status == 0 ? ExitCode.OK : ExitCode.PROBLEM;
    }
}
