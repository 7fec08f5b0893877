package org.strata.dicom.io;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.strata.dicom.data.ByteOrder;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.data.Fragments;
import org.strata.dicom.data.Sequence;
import org.strata.dicom.data.VR;

/**
 * For every corpus file DCMTK's dcmdump reads without error, our elements (nested ones included), VRs,
 * value lengths and values equal dcmdump's. dcmdump runs with {@code -q -M +L -Un +Qn}: quiet, values
 * over 4 KB not loaded (only their length is compared), no UID names, non-ASCII quoted as XML character
 * references (so raw bytes compare exactly).
 *
 * <p>Normalisations, each because dcmdump prints something that is not in the file:
 * <ul>
 *   <li>Item/sequence delimitation lines are skipped (dcmdump prints them even for defined lengths).</li>
 *   <li>Text values compare after stripping spaces and NULs at both ends of each backslash-separated value
 *       (dcmdump drops trailing padding).</li>
 *   <li>FL/FD/OF/OD values compare as numbers (FL/OF parsed back to float), to 6 significant digits.</li>
 *   <li>dcmdump's VR "up" (a UL holding a DICOMDIR offset) is UL, and "??" (unknown, implicit VR) is UN.</li>
 *   <li>An unknown implicit-VR element whose value starts with an item tag: dcmdump shows bytes, we parse
 *       a sequence; that subtree is not compared.</li>
 *   <li>dcmdump pads odd-length values by one byte on loading; we keep the odd length.</li>
 *   <li>Lengths compare for values, not for sequences and items (dcmdump prints "u/l" or the item length).</li>
 * </ul>
 */
class DcmdumpComparisonTest {
    private static final Pattern LINE = Pattern.compile(
            "^( *)\\(([0-9a-f]{4}),([0-9a-f]{4})\\) (\\S\\S) (.*?) *# *(u/l|\\d+), *\\d+ .*$");

    /** One printed element: nesting depth, tag, VR, value text (null if not compared) and value length (-1: none). */
    record Line(int depth, int tag, String vr, String value, long length) {
        @Override
        public String toString() {
            return "  ".repeat(depth) + String.format("(%04X,%04X) %s [%s] #%d", tag >>> 16, tag & 0xFFFF, vr,
                    value == null ? "-" : value.length() > 80 ? value.substring(0, 80) + "..." : value, length);
        }
    }

    @Test
    void everyFileDcmdumpReadsGivesTheSameElements() throws IOException {
        List<String> failures = new ArrayList<>();
        int compared = 0;
        for (Path f : Corpus.allFiles()) {
            Corpus.Run run = Corpus.run(List.of("dcmdump", "-q", "-M", "+L", "-Un", "+Qn", f.toString()), null);
            if (run.exitCode() != 0) {
                continue;
            }
            List<Line> expected = parseDcmdump(run.stdout());
            DicomFile file = Part10.read(f);
            List<Line> actual = new ArrayList<>();
            if (file.meta() != null) {
                dump(file.meta().dataset(), 0, actual);
            }
            dump(file.dataset(), 0, actual);
            String diff = firstDifference(expected, actual);
            if (diff != null) {
                failures.add(f + ": " + diff);
            }
            compared++;
        }
        assertTrue(compared > 140, "dcmdump compared only " + compared + " files");
        if (!failures.isEmpty()) {
            fail(failures.size() + " files differ from dcmdump:\n" + String.join("\n", failures));
        }
    }

    static List<Line> parseDcmdump(String out) {
        List<Line> lines = new ArrayList<>();
        for (String text : out.split("\n")) {
            Matcher m = LINE.matcher(text);
            if (!m.matches()) {
                continue;
            }
            int tag = Integer.parseInt(m.group(2), 16) << 16 | Integer.parseInt(m.group(3), 16);
            if (tag == DicomReader.ITEM_DELIMITATION || tag == DicomReader.SEQUENCE_DELIMITATION) {
                continue;
            }
            // "up" is DCMTK's name for a UL that holds a file offset (DICOMDIR); the file says UL.
            // "??" is how dcmdump shows an element of unknown VR in implicit VR, which we call UN.
            String vr = m.group(4).equals("up") ? "UL" : m.group(4).equals("??") ? "UN" : m.group(4);
            String value = m.group(5);
            long length = m.group(6).equals("u/l") ? -1 : Long.parseLong(m.group(6));
            if (vr.equals("SQ") || vr.equals("na") || value.startsWith("(PixelSequence")) {
                value = null;
                length = -1;
            } else if (value.equals("(no value available)")) {
                value = "";
            } else if (value.equals("(not loaded)")) {
                value = null;
            } else if (value.startsWith("[") && value.endsWith("]")) {
                value = unescape(value.substring(1, value.length() - 1));
            }
            lines.add(new Line(m.group(1).length() / 2, tag, vr, value, length));
        }
        return lines;
    }

    /** dcmdump +Qn writes bytes outside printable ASCII as {@code &#N;} and XML-escapes &amp;, &lt;, &gt;, quotes. */
    private static String unescape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '&') {
                int end = s.indexOf(';', i);
                String entity = s.substring(i + 1, end);
                sb.append(switch (entity) {
                    case "amp" -> '&';
                    case "lt" -> '<';
                    case "gt" -> '>';
                    case "quot" -> '"';
                    case "apos" -> '\'';
                    default -> (char) Integer.parseInt(entity.substring(1));
                });
                i = end;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static void dump(Dataset ds, int depth, List<Line> out) {
        for (int i = 0; i < ds.size(); i++) {
            int tag = ds.tagAt(i);
            VR vr = ds.vrAt(i);
            Object v = ds.valueAt(i);
            if (v instanceof Sequence seq) {
                out.add(new Line(depth, tag, "SQ", null, -1));
                for (Dataset item : seq) {
                    out.add(new Line(depth + 1, DicomReader.ITEM, "na", null, -1));
                    dump(item, depth + 2, out);
                }
            } else if (v instanceof Fragments frags) {
                out.add(new Line(depth, tag, vr.name(), null, -1));
                for (int k = 0; k < frags.size(); k++) {
                    long len = frags.length(k);
                    out.add(new Line(depth + 1, DicomReader.ITEM, "pi", len > 4096 ? null : hexBytes(bytes(frags, k)), len));
                }
            } else {
                byte[] b = v == null ? new byte[0] : ds.getBytes(tag);
                out.add(new Line(depth, tag, vr.name(), b.length > 4096 ? null : format(vr, b), b.length));
            }
        }
    }

    private static byte[] bytes(Fragments f, int k) {
        try {
            return f.bytes(k);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String format(VR vr, byte[] b) {
        if (b.length == 0) {
            return "";
        }
        if (vr.isText()) {
            return new String(b, StandardCharsets.ISO_8859_1);
        }
        StringBuilder sb = new StringBuilder();
        int size = vr == VR.OB || vr == VR.UN ? 1 : vr.valueSize();
        for (int off = 0; off + size <= b.length; off += size) {
            if (off > 0) {
                sb.append('\\');
            }
            sb.append(switch (vr) {
                case US -> Integer.toString(ByteOrder.uint16(b, off, false));
                case SS -> Integer.toString((short) ByteOrder.uint16(b, off, false));
                case UL -> Long.toString(ByteOrder.uint32(b, off, false));
                case SL -> Integer.toString(ByteOrder.int32(b, off, false));
                case UV -> Long.toUnsignedString(ByteOrder.int64(b, off, false));
                case SV -> Long.toString(ByteOrder.int64(b, off, false));
                case FL, OF -> Float.toString(Float.intBitsToFloat(ByteOrder.int32(b, off, false)));
                case FD, OD -> Double.toString(Double.longBitsToDouble(ByteOrder.int64(b, off, false)));
                case AT -> String.format("(%04x,%04x)", ByteOrder.uint16(b, off, false), ByteOrder.uint16(b, off + 2, false));
                case OW -> String.format("%04x", ByteOrder.uint16(b, off, false));
                case OL -> String.format("%08x", ByteOrder.uint32(b, off, false));
                case OV -> String.format("%016x", ByteOrder.int64(b, off, false));
                default -> String.format("%02x", b[off] & 0xFF);
            });
        }
        return sb.toString();
    }

    private static String hexBytes(byte[] b) {
        return format(VR.OB, b);
    }

    static String firstDifference(List<Line> expected, List<Line> actual) {
        int i = 0;
        int j = 0;
        while (i < expected.size() || j < actual.size()) {
            Line e = i < expected.size() ? expected.get(i) : null;
            Line a = j < actual.size() ? actual.get(j) : null;
            if (e == null || a == null) {
                return "element " + i + ": dcmdump " + e + " / ours " + a;
            }
            if (e.vr().equals("UN") && a.vr().equals("SQ") && e.tag() == a.tag() && e.depth() == a.depth()) {
                // dcmdump keeps an unknown implicit-VR element whose value starts with an item tag as bytes;
                // we parse it as the sequence it is. Skip our sequence's subtree.
                i++;
                j++;
                while (j < actual.size() && actual.get(j).depth() > a.depth()) {
                    j++;
                }
                continue;
            }
            if (e.length() == a.length() + 1 && (a.length() & 1) == 1) {
                // dcmdump pads an odd-length value to even length when it loads it; we keep it as it is.
                String v = e.value() != null && e.value().endsWith("\\00") ? e.value().substring(0, e.value().length() - 3)
                        : e.value();
                e = new Line(e.depth(), e.tag(), e.vr(), v, a.length());
            }
            if (e.depth() != a.depth() || e.tag() != a.tag() || !e.vr().equals(a.vr())
                    || (e.length() >= 0 && a.length() >= 0 && e.length() != a.length())
                    || !sameValue(a.vr(), e.value(), a.value())) {
                return "element " + i + ":\n   dcmdump " + e + "\n   ours    " + a;
            }
            i++;
            j++;
        }
        return null;
    }

    private static boolean sameValue(String vr, String expected, String actual) {
        if (expected == null || actual == null) {
            return true;
        }
        String[] x = expected.split("\\\\", -1);
        String[] y = actual.split("\\\\", -1);
        if (vr.equals("LT") || vr.equals("ST") || vr.equals("UT") || vr.equals("UR")) {
            x = new String[] {expected};
            y = new String[] {actual};
        }
        if (x.length != y.length) {
            return strip(expected).equals(strip(actual));
        }
        boolean floating = vr.equals("FL") || vr.equals("FD") || vr.equals("OF") || vr.equals("OD");
        for (int k = 0; k < x.length; k++) {
            if (floating && !strip(x[k]).isEmpty() && !strip(y[k]).isEmpty()) {
                boolean single = vr.equals("FL") || vr.equals("OF");
                double p = single ? Float.parseFloat(x[k]) : Double.parseDouble(x[k]);
                double q = single ? Float.parseFloat(y[k]) : Double.parseDouble(y[k]);
                if (!(p == q || Math.abs(p - q) <= 1e-6 * Math.max(Math.abs(p), Math.abs(q)) || (Double.isNaN(p) && Double.isNaN(q)))) {
                    return false;
                }
            } else if (!strip(x[k]).equals(strip(y[k]))) {
                return false;
            }
        }
        return true;
    }

    private static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && (s.charAt(start) == ' ' || s.charAt(start) == 0)) {
            start++;
        }
        while (end > start && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == 0)) {
            end--;
        }
        return s.substring(start, end);
    }
}
