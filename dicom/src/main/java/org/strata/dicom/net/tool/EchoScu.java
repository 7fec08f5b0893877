package org.strata.dicom.net.tool;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.strata.dicom.dimse.DimseChannel;
import org.strata.dicom.dimse.DimseResponse;
import org.strata.dicom.dimse.DimseServices;
import org.strata.dicom.dimse.Status;
import org.strata.dicom.net.AssociateRequest;
import org.strata.dicom.tool.Command;
import org.strata.dicom.tool.ExitCode;
import org.strata.dicom.tool.Main;
import org.strata.dicom.tool.UsageException;

/** {@code echoscu HOST PORT}: C-ECHO (verification). */
public final class EchoScu implements Command {
    @Override
    public String name() {
        return "echoscu";
    }

    @Override
    public String summary() {
        return "verify a DICOM peer with C-ECHO";
    }

    @Override
    public String usage() {
        return """
                usage: strata-dicom echoscu [OPTIONS] HOST PORT
                Opens an association, sends C-ECHO (--repeat times) and releases.
                  --repeat N                number of C-ECHO requests (default 1)
                """ + NetToolOptions.USAGE + "Exit codes: 0 success, 1 rejected or failed, 2 usage or connection error.\n";
    }

    @Override
    public int run(List<String> argv, PrintStream out, PrintStream err) throws UsageException, IOException {
        NetToolOptions o = new NetToolOptions(argv, Set.of("--repeat"), Set.of());
        List<String> hostPort = o.args.operands(2, 2);
        int port = NetToolOptions.port(hostPort.get(1));
        long repeat = o.args.longOption("--repeat", 1, 1);
        AssociateRequest rq = o.request();
        rq.addPresentationContext(DimseServices.VERIFICATION, "1.2.840.10008.1.2");
        ExecutorService executor = Executors.newCachedThreadPool();
        try {
            DimseChannel ch = ToolSupport.open(hostPort.get(0), port, o, rq, new DimseServices(), executor, err);
            if (ch == null) {
                return ExitCode.PROBLEM;
            }
            int exit = ExitCode.OK;
            for (long i = 0; i < repeat; i++) {
                DimseResponse rsp = ch.echo();
                out.println("C-ECHO " + hostPort.get(0) + ":" + port + ": " + Status.toString(rsp.status()));
                if (!Status.isSuccess(rsp.status())) {
                    exit = ExitCode.PROBLEM;
                }
            }
            ch.release();
            return exit;
        } finally {
            executor.shutdownNow();
        }
    }

    public static void main(String[] args) {
        ToolSupport.main(new EchoScu(), args);
    }
}
