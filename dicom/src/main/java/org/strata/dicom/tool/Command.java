package org.strata.dicom.tool;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/** One subcommand of {@code strata-dicom}; register it in {@link Main#COMMANDS}. */
public interface Command {

    /** The word that selects it on the command line. */
    String name();

    /** One line for the command list. */
    String summary();

    /** Full help: synopsis, options, exit codes if they differ from the usual. */
    String usage();

    /**
     * Runs the command.
     *
     * @return an {@link ExitCode}
     * @throws UsageException when the arguments are wrong (exit code 2)
     * @throws IOException when the input cannot be read or the output written (exit code 2)
     */
    int run(List<String> args, PrintStream out, PrintStream err) throws UsageException, IOException;
}
