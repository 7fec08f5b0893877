package org.strata.dicom.json;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.strata.dicom.data.ByteOrder;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.data.VR;
import org.strata.dicom.dict.Tags;
import org.strata.dicom.io.DicomFile;
import org.strata.dicom.io.DicomParseException;
import org.strata.dicom.io.Part10;
import org.strata.dicom.testsupport.ExternalTools;

/**
 * For every file under pydicom's test_files and charset_files that pydicom reads, our DICOM JSON equals
 * pydicom's {@code Dataset.to_json_dict()} (all binary values inline), compared as parsed trees.
 *
 * <p>pydicom runs once for the whole class (src/test/resources/pydicom/to_json_dicts.py). The few places
 * where pydicom's output departs from PS3.18 Annex F, or from a documented choice of ours, are normalised in
 * {@link #normalisePydicom} — each with its reason — and numbers compare by value.
 */
class JsonPydicomConformanceTest {

    private static Map<String, Object> reference;

    @BeforeAll
    static void runPydicom(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("reference.json");
        ExternalTools.runPydicomScript(dir, "to_json_dicts.py", out.toString(), ExternalTools.TEST_FILES.toString(),
                ExternalTools.CHARSET_FILES.toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> parsed = (Map<String, Object>) JsonTree.parse(Files.newBufferedReader(out));
        reference = parsed;
    }

    @TestFactory
    Stream<DynamicTest> ourJsonEqualsPydicoms() {
        assertTrue(reference.size() > 150, "pydicom looked at " + reference.size() + " files");
        List<DynamicTest> tests = new ArrayList<>();
        reference.forEach((file, result) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> outcome = (Map<String, Object>) result;
            if (outcome.containsKey("json")) {
                tests.add(DynamicTest.dynamicTest(Path.of(file).getFileName().toString(),
                        () -> compare(Path.of(file), outcome.get("json"))));
            }
        });
        assertTrue(tests.size() > 150, "pydicom read only " + tests.size() + " files");
        return tests.stream();
    }

    private static void compare(Path file, Object pydicomJson) throws IOException {
        if (TRUNCATED.contains(file.getFileName().toString())) {
            // pydicom reads what is there of a truncated file; our reader refuses it, as it must.
            assertThrows(DicomParseException.class, () -> Part10.read(file));
            return;
        }
        DicomFile dicom = Part10.read(file);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DicomJsonWriter.write(dicom.dataset(), out, BulkDataPolicy.INLINE, false);
        @SuppressWarnings("unchecked")
        Map<String, Object> ours = (Map<String, Object>) JsonTree.parse(new StringReader(out.toString(StandardCharsets.UTF_8)));
        @SuppressWarnings("unchecked")
        Map<String, Object> expected = (Map<String, Object>) normalisePydicom(pydicomJson,
                dicom.transferSyntax().isBigEndian());
        reinterpretUnknownVrs(dicom.dataset(), expected, ours);
        List<String> differences = new ArrayList<>();
        diff("", expected, normaliseNumbers(ours), differences);
        if (!differences.isEmpty()) {
            fail(file + ": " + differences.size() + " difference(s) from pydicom, first ones:\n"
                    + String.join("\n", differences.subList(0, Math.min(10, differences.size()))));
        }
    }

    /** Files cut short inside a value, which pydicom reads partially. */
    private static final Set<String> TRUNCATED = Set.of("MR_truncated.dcm", "rtplan_truncated.dcm");

    /**
     * pydicom replaces the VR UN by the dictionary's VR (its replace_un_with_known_vr option); we keep the VR
     * the file states, as dcmdump does. For such elements, re-read our bytes with pydicom's VR (through our
     * own writer) before comparing. A UN that one side parsed as a sequence and the other kept as bytes
     * (our reader parses undefined-length UN, CP-246; pydicom parses UN it knows to be SQ) is left out.
     */
    @SuppressWarnings("unchecked")
    private static void reinterpretUnknownVrs(Dataset dataset, Map<String, Object> expected, Map<String, Object> ours)
            throws IOException {
        for (String key : new ArrayList<>(expected.keySet())) {
            Map<String, Object> theirs = (Map<String, Object>) expected.get(key);
            Map<String, Object> mine = (Map<String, Object>) ours.get(key);
            if (mine == null || Objects.equals(theirs.get("vr"), mine.get("vr"))) {
                continue;
            }
            int tag = (int) Long.parseLong(key, 16);
            boolean sequenceOnOneSide = "SQ".equals(theirs.get("vr")) || "SQ".equals(mine.get("vr"));
            if (sequenceOnOneSide && ("UN".equals(theirs.get("vr")) || "UN".equals(mine.get("vr")))) {
                expected.remove(key);
                ours.remove(key);
            } else if ("UN".equals(mine.get("vr")) && dataset.valueAt(indexOf(dataset, tag)) instanceof byte[] bytes) {
                Dataset single = new Dataset();
                String charset = dataset.getString(Tags.SpecificCharacterSet);
                if (charset != null) {
                    single.put(Tags.SpecificCharacterSet, VR.CS, String.join("\\", dataset.getStrings(Tags.SpecificCharacterSet)));
                }
                single.put(tag, VR.ofName((String) theirs.get("vr")), bytes);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                DicomJsonWriter.write(single, out, BulkDataPolicy.INLINE, false);
                Map<String, Object> reread = (Map<String, Object>) JsonTree.parse(
                        new StringReader(out.toString(StandardCharsets.UTF_8)));
                ours.put(key, normaliseNumbers(reread.get(key)));
            }
        }
    }

    private static int indexOf(Dataset dataset, int tag) {
        for (int i = 0; i < dataset.size(); i++) {
            if (dataset.tagAt(i) == tag) {
                return i;
            }
        }
        return -1;
    }

    /** Maps pydicom's output onto what PS3.18 F (and our documented choices) make of the same data set. */
    @SuppressWarnings("unchecked")
    private static Object normalisePydicom(Object json, boolean bigEndian) {
        Map<String, Object> dataset = new LinkedHashMap<>();
        ((Map<String, Object>) json).forEach((key, value) -> {
            // PS3.18 F.2.2: group lengths shall not be included; pydicom includes those the file has.
            if (key.endsWith("0000")) {
                return;
            }
            Map<String, Object> element = new LinkedHashMap<>((Map<String, Object>) value);
            String vr = (String) element.get("vr");
            Object values = element.get("Value");
            if (values instanceof List<?> list) {
                if (list.isEmpty()) {
                    // pydicom writes "Value": [] for an empty sequence; F.2.5 says an empty element has no Value.
                    element.remove("Value");
                } else {
                    List<Object> normalised = new ArrayList<>();
                    for (Object v : list) {
                        normalised.add(normaliseValue(v, vr, bigEndian));
                    }
                    element.put("Value", normalised);
                }
            }
            if (bigEndian && element.get("InlineBinary") instanceof String base64) {
                // pydicom encodes binary values in the file's byte order; we write little endian like every
                // other value of the model, so swap pydicom's bytes back for big-endian files.
                byte[] bytes = Base64.getDecoder().decode(base64);
                ByteOrder.swap(bytes, 0, bytes.length, VR.ofName(vr).byteSwapUnit());
                element.put("InlineBinary", Base64.getEncoder().encodeToString(bytes));
            }
            if (key.equals("7FE00010") && "OW".equals(vr) && element.get("InlineBinary") instanceof String base64
                    && base64.startsWith("/v8A4")) {
                // Encapsulated Pixel Data is OB (PS3.5 A.4): our reader corrects files that say OW (and
                // records a toleration); pydicom keeps the file's VR. "/v8A4" is an item tag in Base64.
                element.put("vr", "OB");
            }
            dataset.put(key, normaliseNumbers(element));
        });
        return dataset;
    }

    @SuppressWarnings("unchecked")
    private static Object normaliseValue(Object value, String vr, boolean bigEndian) {
        if ("SQ".equals(vr) && value instanceof Map<?, ?> item) {
            return normalisePydicom(item, bigEndian);
        }
        if ("PN".equals(vr) && value instanceof Map<?, ?> name) {
            // pydicom keeps empty component groups ("Alphabetic": ""); F.2.2 lists only groups that are present.
            Map<String, Object> groups = new LinkedHashMap<>();
            ((Map<String, Object>) name).forEach((group, text) -> {
                if (!"".equals(text)) {
                    groups.put(group, text);
                }
            });
            return groups.isEmpty() ? null : groups;
        }
        if (value instanceof String text) {
            // PS3.5 6.2 makes leading and trailing spaces insignificant (trailing only for LT, ST, UT, UC);
            // pydicom trims only the end of the whole element, so "DERIVED \\PRIMARY" keeps a space.
            String trimmed = text.replaceFirst(" +$", "");
            if (!Set.of("LT", "ST", "UT", "UC").contains(vr)) {
                trimmed = trimmed.replaceFirst("^ +", "");
            }
            // pydicom writes "" for an empty value among several; F.2.5 says null.
            return trimmed.isEmpty() ? null : trimmed;
        }
        return value;
    }

    /** Numbers compare by value: our DS text and pydicom's float repr may differ in form only. */
    @SuppressWarnings("unchecked")
    private static Object normaliseNumbers(Object json) {
        if (json instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            String vr = map.get("vr") instanceof String s ? s : null;
            ((Map<String, Object>) map).forEach((k, v) -> out.put(k, k.equals("Value") && "FL".equals(vr)
                    ? floats((List<Object>) v) : normaliseNumbers(v)));
            return out;
        }
        if (json instanceof List<?> list) {
            return list.stream().map(JsonPydicomConformanceTest::normaliseNumbers).toList();
        }
        if (json instanceof JsonTree.Number number) {
            return new BigDecimal(number.text()).stripTrailingZeros();
        }
        return json;
    }

    /** FL values compare as 32-bit floats: pydicom widens them to doubles before printing. */
    private static List<Object> floats(List<Object> values) {
        return values.stream().map(v -> v instanceof JsonTree.Number n ? (Object) Float.valueOf(n.text()) : v).toList();
    }

    private static void diff(String path, Object expected, Object actual, List<String> out) {
        if (expected instanceof Map<?, ?> e && actual instanceof Map<?, ?> a) {
            for (Object key : e.keySet()) {
                if (!a.containsKey(key)) {
                    out.add(path + "/" + key + ": missing in ours, pydicom has " + brief(e.get(key)));
                } else {
                    diff(path + "/" + key, e.get(key), a.get(key), out);
                }
            }
            for (Object key : a.keySet()) {
                if (!e.containsKey(key)) {
                    out.add(path + "/" + key + ": only in ours: " + brief(a.get(key)));
                }
            }
        } else if (expected instanceof List<?> e && actual instanceof List<?> a && e.size() == a.size()) {
            for (int i = 0; i < e.size(); i++) {
                diff(path + "[" + i + "]", e.get(i), a.get(i), out);
            }
        } else if (expected instanceof BigDecimal e && actual instanceof BigDecimal a) {
            if (e.compareTo(a) != 0) {
                out.add(path + ": pydicom " + e + ", ours " + a);
            }
        } else if (!Objects.equals(expected, actual)) {
            out.add(path + ": pydicom " + brief(expected) + ", ours " + brief(actual));
        }
    }

    private static String brief(Object value) {
        String text = String.valueOf(value);
        return text.length() > 120 ? text.substring(0, 120) + "..." : text;
    }
}
