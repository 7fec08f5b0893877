package org.strata.dicom.tool;

import java.io.IOException;
import java.io.PrintStream;
import org.strata.dicom.data.BulkData;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.data.Fragments;
import org.strata.dicom.data.Sequence;
import org.strata.dicom.data.VR;
import org.strata.dicom.dict.ElementDictionary;

/**
 * Prints a data set one element per line, as dcmdump does: tag, VR, value (text in brackets, numbers bare,
 * bytes in hex), then length, value multiplicity and keyword; sequence items and fragments indented.
 */
final class DumpFormatter {

    private static final int COMMENT_COLUMN = 52;
    private static final int SHORT_TEXT = 64;
    private static final int SHORT_BINARY = 16;

    private final PrintStream out;
    private final boolean full;

    /** @param full print whole values instead of cutting long ones short */
    DumpFormatter(PrintStream out, boolean full) {
        this.out = out;
        this.full = full;
    }

    void print(Dataset dataset, int depth) throws IOException {
        for (int i = 0; i < dataset.size(); i++) {
            int tag = dataset.tagAt(i);
            VR vr = dataset.vrAt(i);
            Object value = dataset.valueAt(i);
            String keyword = keyword(dataset, tag);
            if (value instanceof Sequence items) {
                line(depth, tag, vr.name(), "(Sequence with " + items.size() + " items)", "", keyword);
                for (int k = 0; k < items.size(); k++) {
                    Dataset item = items.get(k);
                    line(depth + 1, 0xFFFEE000, "na", "(Item #" + (k + 1) + " with " + item.size() + " elements)",
                            "", "Item");
                    print(item, depth + 2);
                }
            } else if (value instanceof Fragments fragments) {
                line(depth, tag, vr.name(), "(Encapsulated with " + fragments.size() + " items)", "", keyword);
                for (int k = 0; k < fragments.size(); k++) {
                    String what = k == 0 ? "(Basic Offset Table)" : "(Fragment #" + k + ")";
                    line(depth + 1, 0xFFFEE000, "pi", what, fragments.length(k) + " bytes", "Item");
                }
            } else if (value instanceof BulkData bulk) {
                line(depth, tag, vr.name(), "(not loaded: " + bulk.length() + " bytes at offset " + bulk.offset()
                        + ")", bulk.length() + "", keyword);
            } else {
                printValue(dataset, depth, tag, vr, keyword);
            }
        }
    }

    private void printValue(Dataset dataset, int depth, int tag, VR vr, String keyword) {
        byte[] bytes = dataset.getBytes(tag);
        int length = bytes == null ? 0 : bytes.length;
        String[] values = dataset.getStrings(tag);
        String text;
        int multiplicity = values.length;
        if (length == 0) {
            text = "(no value)";
            multiplicity = 0;
        } else if (vr.isText()) {
            text = "[" + cut(String.join("\\", values), SHORT_TEXT) + "]";
        } else if (values.length > 0) {
            text = cut(String.join("\\", values), SHORT_TEXT);
        } else {
            text = hex(bytes, vr == VR.OW ? 2 : 1);
            multiplicity = 1;
        }
        line(depth, tag, vr.name(), text, length + ", " + multiplicity, keyword);
    }

    private String hex(byte[] bytes, int unit) {
        int values = bytes.length / unit;
        int shown = full ? values : Math.min(values, SHORT_BINARY);
        StringBuilder text = new StringBuilder();
        for (int v = 0; v < shown; v++) {
            if (v > 0) {
                text.append('\\');
            }
            for (int b = unit - 1; b >= 0; b--) { // words most significant byte first, as people read them
                text.append(String.format("%02x", bytes[v * unit + b] & 0xFF));
            }
        }
        return shown < values ? text + "..." : text.toString();
    }

    /** Shortens long text unless full values were asked for; control characters become '.' to keep one line. */
    private String cut(String text, int max) {
        String shown = full || text.length() <= max ? text : text.substring(0, max) + "...";
        return shown.chars().anyMatch(c -> c < 0x20) ? shown.replaceAll("\\p{Cntrl}", ".") : shown;
    }

    private static String keyword(Dataset dataset, int tag) {
        String creator = dataset.privateCreatorOf(tag);
        if (creator != null) {
            ElementDictionary.Entry entry = ElementDictionary.lookupPrivate(creator, tag);
            if (entry == null) {
                return "Private [" + creator + "]";
            }
            return entry.keyword().isEmpty() ? entry.name() : entry.keyword();
        }
        if (ElementDictionary.isPrivateCreator(tag)) {
            return "PrivateCreator";
        }
        String keyword = ElementDictionary.keywordOf(tag);
        return keyword.isEmpty() ? "Unknown" : keyword;
    }

    private void line(int depth, int tag, String vr, String value, String lengthAndVm, String keyword) {
        StringBuilder line = new StringBuilder();
        line.append("  ".repeat(depth));
        line.append(String.format("(%04x,%04x) %s %s", tag >>> 16, tag & 0xFFFF, vr, value));
        while (line.length() < COMMENT_COLUMN) {
            line.append(' ');
        }
        line.append(" # ");
        if (!lengthAndVm.isEmpty()) {
            line.append(lengthAndVm).append(' ');
        }
        out.println(line.append(keyword));
    }
}
