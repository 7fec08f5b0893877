package org.strata.dicom.charset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.data.PersonName;
import org.strata.dicom.data.Sequence;
import org.strata.dicom.data.VR;
import org.strata.dicom.io.Part10;

/**
 * Every file of pydicom's charset_files decodes every SH/LO/ST/LT/UC/UT/PN value (nested ones included) to
 * the text pydicom 2.3 gives. pydicom runs once for the class (/usr/bin/python3 pydicom_text.py).
 * Normalisations: values compare stripped of surrounding spaces; PN values compare in the form
 * {@link PersonName#toString()} gives (pydicom drops a trailing empty component group "="); elements the file
 * stores as UN are not compared (pydicom re-types UN from its private dictionary; we, like DCMTK, keep UN).
 */
class CharsetCorpusTest {
    private static final Path CHARSET_FILES = Path.of("/usr/lib/python3/dist-packages/pydicom/data/charset_files");
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    /** file -> "path#index" -> text. */
    private static final Map<String, Map<String, String>> EXPECTED = new TreeMap<>();

    @BeforeAll
    static void decodeWithPydicom() throws IOException, InterruptedException {
        if (!Files.isExecutable(PYTHON)) {
            fail("/usr/bin/python3 with pydicom is required (CI installs python3-pydicom)");
        }
        Path script = Files.createTempFile("pydicom_text", ".py");
        try (InputStream in = CharsetCorpusTest.class.getResourceAsStream("pydicom_text.py")) {
            Files.write(script, in.readAllBytes());
        }
        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), script.toString()));
        for (Path f : dicomFiles()) {
            command.add(f.toString());
        }
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            fail("pydicom failed (is python3-pydicom installed?) exit " + p.exitValue());
        }
        Files.delete(script);
        for (String line : out.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t");
            String text = new String(Base64.getDecoder().decode(f[3]), StandardCharsets.UTF_8);
            EXPECTED.computeIfAbsent(f[0], k -> new TreeMap<>()).put(f[1] + "#" + f[2], text);
        }
    }

    private static List<Path> dicomFiles() throws IOException {
        try (Stream<Path> s = Files.list(CHARSET_FILES)) {
            return s.filter(p -> p.toString().endsWith(".dcm")).sorted().toList();
        }
    }

    @Test
    void everyTextValueDecodesAsPydicomDecodesIt() throws IOException {
        assertTrue(EXPECTED.size() >= 16, "pydicom decoded only " + EXPECTED.size() + " files");
        List<String> failures = new ArrayList<>();
        int compared = 0;
        for (Path f : dicomFiles()) {
            Map<String, Ours> actual = new TreeMap<>();
            collect(Part10.read(f).dataset(), "", actual);
            for (Map.Entry<String, String> e : EXPECTED.get(f.toString()).entrySet()) {
                Ours ours = actual.get(e.getKey());
                if (ours != null && ours.vr() == VR.UN) {
                    continue;
                }
                String expected = ours != null && ours.vr() == VR.PN ? PersonName.parse(e.getValue()).toString()
                        : e.getValue().strip();
                if (ours == null || !expected.equals(ours.text())) {
                    failures.add(f.getFileName() + " " + e.getKey() + ": pydicom [" + e.getValue() + "] ours " + ours);
                }
                compared++;
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(compared > 100, "compared only " + compared + " values");
    }

    @Test
    void personNameGroupsOfTheJapaneseExample() throws IOException {
        Dataset ds = Part10.read(CHARSET_FILES.resolve("chrH32.dcm")).dataset();
        var pn = ds.getPersonName(0x00100010);
        assertEquals("ﾔﾏﾀﾞ", pn.alphabetic().family());
        assertEquals("山田", pn.ideographic().family());
        assertEquals("たろう", pn.phonetic().given());
    }

    /** Our decoded value of an element (normalised as the class comment says), and its VR. */
    private record Ours(VR vr, String text) {
    }

    private static void collect(Dataset ds, String prefix, Map<String, Ours> out) {
        for (int i = 0; i < ds.size(); i++) {
            int tag = ds.tagAt(i);
            VR vr = ds.vrAt(i);
            String key = prefix + String.format("%04X,%04X", tag >>> 16, tag & 0xFFFF);
            if (ds.valueAt(i) instanceof Sequence seq) {
                for (int k = 0; k < seq.size(); k++) {
                    collect(seq.get(k), key + "/" + k + "/", out);
                }
            } else if (vr.usesSpecificCharacterSet()) {
                String[] values = ds.getStrings(tag);
                for (int k = 0; k < values.length; k++) {
                    out.put(key + "#" + k, new Ours(vr, vr == VR.PN ? PersonName.parse(values[k]).toString() : values[k].strip()));
                }
            } else if (vr == VR.UN) {
                for (int k = 0; k < 64; k++) {
                    out.put(key + "#" + k, new Ours(VR.UN, null));
                }
            }
        }
    }
}
