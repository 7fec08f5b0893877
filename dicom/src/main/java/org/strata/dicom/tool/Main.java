package org.strata.dicom.tool;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Entry point of {@code strata-dicom}: picks the subcommand and turns its outcome into an exit code. */
public final class Main {

    static final String PROGRAM = "strata-dicom";

    /** Every subcommand, in the order the help lists them. Adding a command is one line here. */
    static final List<Command> COMMANDS = List.of(
            new org.strata.dicom.net.tool.EchoScu(), new org.strata.dicom.net.tool.StoreScu(),
            new org.strata.dicom.net.tool.StoreScp(), new org.strata.dicom.net.tool.FindScu(),
            new org.strata.dicom.net.tool.MoveScu(), new org.strata.dicom.net.tool.GetScu(),
            new org.strata.dicom.net.tool.CommitScu(), new org.strata.dicom.net.tool.MppsScu()
    );

    private Main() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    /** Runs one command line in-process; returns the exit code instead of exiting. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println(PROGRAM + ": missing command (try " + PROGRAM + " --help)");
            return ExitCode.USAGE;
        }
        String name = args[0];
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        if (name.equals("--help") || name.equals("-h") || name.equals("help")) {
            return help(rest, out, err);
        }
        Command command = find(name);
        if (command == null) {
            err.println(PROGRAM + ": unknown command '" + name + "' (try " + PROGRAM + " --help)");
            return ExitCode.USAGE;
        }
        if (rest.contains("--help") || rest.contains("-h")) {
            out.print(command.usage());
            return ExitCode.OK;
        }
        try {
            return command.run(rest, out, err);
        } catch (UsageException e) {
            err.println(PROGRAM + " " + name + ": " + e.getMessage() + " (try " + PROGRAM + " " + name + " --help)");
            return ExitCode.USAGE;
        } catch (IOException e) {
            err.println(PROGRAM + " " + name + ": " + oneLine(e));
            return ExitCode.USAGE;
        } finally {
            out.flush();
        }
    }

    private static int help(List<String> rest, PrintStream out, PrintStream err) {
        if (!rest.isEmpty()) {
            Command command = find(rest.get(0));
            if (command == null) {
                err.println(PROGRAM + ": unknown command '" + rest.get(0) + "' (try " + PROGRAM + " --help)");
                return ExitCode.USAGE;
            }
            out.print(command.usage());
            return ExitCode.OK;
        }
        out.println("usage: " + PROGRAM + " COMMAND [OPTIONS] [ARGS]");
        out.println();
        out.println("Commands:");
        for (Command command : COMMANDS) {
            out.printf("  %-10s %s%n", command.name(), command.summary());
        }
        out.println();
        out.println("'" + PROGRAM + " COMMAND --help' describes one command.");
        out.println("Exit codes: 0 ok, 1 problem found, 2 wrong usage or unreadable input.");
        return ExitCode.OK;
    }

    private static Command find(String name) {
        for (Command command : COMMANDS) {
            if (command.name().equals(name)) {
                return command;
            }
        }
        return null;
    }

    /** An exception as one line: its message, or its type when it has none. */
    static String oneLine(Exception e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            message = e.getClass().getSimpleName();
        }
        return message.replace('\n', ' ');
    }
}
