package org.strata.dicom.io;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.data.Sequence;

/** Compares data sets element by element and names the first difference by its path. */
final class DatasetAssert {
    private DatasetAssert() {
    }

    /**
     * Fails unless both have the same tags and values; VRs are compared unless {@code ignoreVrs} (implicit VR
     * encodings cannot carry them, so a reader falls back to the dictionary's choice).
     */
    static void assertSameContent(Dataset expected, Dataset actual, boolean ignoreVrs) {
        String diff = firstDifference("", expected, actual, ignoreVrs);
        if (diff != null) {
            fail(diff);
        }
    }

    private static String firstDifference(String path, Dataset a, Dataset b, boolean ignoreVrs) {
        if (!Arrays.equals(a.tags(), b.tags())) {
            return path + " tags differ: " + hex(a.tags()) + " vs " + hex(b.tags());
        }
        for (int i = 0; i < a.size(); i++) {
            int tag = a.tagAt(i);
            String here = path + String.format("(%04X,%04X)", tag >>> 16, tag & 0xFFFF);
            if (!ignoreVrs && a.vrAt(i) != b.vrAt(i)) {
                return here + " VR " + a.vrAt(i) + " vs " + b.vrAt(i);
            }
            Object x = a.valueAt(i);
            Object y = b.valueAt(i);
            if (x instanceof Sequence s && y instanceof Sequence t) {
                if (s.size() != t.size()) {
                    return here + " has " + s.size() + " vs " + t.size() + " items";
                }
                for (int k = 0; k < s.size(); k++) {
                    String d = firstDifference(here + "[" + k + "]/", s.get(k), t.get(k), ignoreVrs);
                    if (d != null) {
                        return d;
                    }
                }
                continue;
            }
            if (x instanceof Sequence || y instanceof Sequence) {
                if (!(isEmpty(x) && isEmpty(y))) {
                    return here + " sequence vs non-sequence: " + x + " / " + y;
                }
                continue;
            }
            byte[] bx = a.getBytes(tag);
            byte[] by = b.getBytes(tag);
            if (bx != null && by != null) {
                boolean sameText = a.vrAt(i) != b.vrAt(i) || Arrays.equals(a.getStrings(tag), b.getStrings(tag));
                if (!sameText || !sameUnpadded(bx, by)) {
                    return here + " value differs: " + Arrays.toString(a.getStrings(tag)) + " / "
                            + Arrays.toString(b.getStrings(tag)) + " (" + bx.length + " vs " + by.length + " bytes)";
                }
            } else if (!java.util.Objects.equals(x, y)) {
                return here + " value differs: " + x + " vs " + y;
            }
        }
        return null;
    }

    private static boolean isEmpty(Object v) {
        return v == null || (v instanceof byte[] b && b.length == 0) || (v instanceof Sequence s && s.isEmpty());
    }

    private static boolean sameUnpadded(byte[] x, byte[] y) {
        int nx = x.length;
        int ny = y.length;
        if (nx == ny + 1 && (ny & 1) == 1) {
            nx = ny;
        } else if (ny == nx + 1 && (nx & 1) == 1) {
            ny = nx;
        }
        return Arrays.equals(x, 0, nx, y, 0, ny) || trimmedEqual(x, y);
    }

    private static boolean trimmedEqual(byte[] x, byte[] y) {
        return new String(x, java.nio.charset.StandardCharsets.ISO_8859_1).strip()
                .equals(new String(y, java.nio.charset.StandardCharsets.ISO_8859_1).strip());
    }

    private static String hex(int[] tags) {
        StringBuilder sb = new StringBuilder();
        for (int t : tags) {
            sb.append(String.format("%08X ", t));
        }
        return sb.toString();
    }
}
