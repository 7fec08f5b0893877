package org.strata.dicom.tool;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A command's arguments split into options ({@code --name value}), flags ({@code --name}) and operands. */
public final class Arguments {

    private final Map<String, String> options = new HashMap<>();
    private final Set<String> flags = new HashSet<>();
    private final List<String> operands = new ArrayList<>();

    private Arguments() {
    }

    /**
     * Parses arguments; {@code --} ends options.
     *
     * @param valued option names that take a value
     * @param flagNames option names that take none
     */
    public static Arguments parse(List<String> args, Set<String> valued, Set<String> flagNames)
            throws UsageException {
        Arguments parsed = new Arguments();
        boolean optionsEnded = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (optionsEnded || !arg.startsWith("-") || arg.equals("-")) {
                parsed.operands.add(arg);
            } else if (arg.equals("--")) {
                optionsEnded = true;
            } else if (valued.contains(arg)) {
                if (i + 1 == args.size()) {
                    throw new UsageException("option " + arg + " needs a value");
                }
                parsed.options.put(arg, args.get(++i));
            } else if (flagNames.contains(arg)) {
                parsed.flags.add(arg);
            } else {
                throw new UsageException("unknown option " + arg);
            }
        }
        return parsed;
    }

    public boolean flag(String name) {
        return flags.contains(name);
    }

    public String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    /** An integer option, with a usage error naming the option if it is not a number in range. */
    public long longOption(String name, long fallback, long min) throws UsageException {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value);
            if (parsed < min) {
                throw new UsageException("option " + name + " must be at least " + min + ", not " + value);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new UsageException("option " + name + " needs a number, not " + value);
        }
    }

    /** The operands, checking there are between min and max of them. */
    public List<String> operands(int min, int max) throws UsageException {
        if (operands.size() < min) {
            throw new UsageException("missing operand: expected " + (min == max ? "" : "at least ") + min);
        }
        if (operands.size() > max) {
            throw new UsageException("too many operands: expected at most " + max);
        }
        return operands;
    }
}
