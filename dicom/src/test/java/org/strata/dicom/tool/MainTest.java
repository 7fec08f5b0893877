package org.strata.dicom.tool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.data.Fragments;
import org.strata.dicom.dict.Tags;
import org.strata.dicom.dict.UIDs;
import org.strata.dicom.io.DicomFile;
import org.strata.dicom.io.Part10;
import org.strata.dicom.json.JsonTestTrees;
import org.strata.dicom.testsupport.Corpus;
import org.strata.dicom.testsupport.DatasetDiff;
import org.strata.dicom.testsupport.ExternalTools;
import org.strata.dicom.xml.DicomXmlReader;

/** The command-line tools run in-process: output, exit codes, and errors on bad input. */
class MainTest {

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String file(String name) {
        return ExternalTools.testFile(name).toString();
    }

    @Test
    void helpListsEveryCommandAndUsageErrorsExitWithTwo() {
        Run help = run("--help");
        assertEquals(0, help.exit);
        for (Command command : Main.COMMANDS) {
            assertTrue(help.out.contains("  " + command.name() + " "), command.name());
            Run commandHelp = run(command.name(), "--help");
            assertEquals(0, commandHelp.exit);
            assertTrue(commandHelp.out.startsWith("usage: strata-dicom " + command.name()), commandHelp.out);
        }
        assertOneLineError(run(), 2, "strata-dicom: missing command");
        assertOneLineError(run("frobnicate"), 2, "strata-dicom: unknown command 'frobnicate'");
        assertOneLineError(run("dump"), 2, "strata-dicom dump: missing operand");
        assertOneLineError(run("dump", "--bogus", "x"), 2, "strata-dicom dump: unknown option --bogus");
        assertOneLineError(run("tojson", "--bulk-data-threshold", "many", file("CT_small.dcm")), 2,
                "strata-dicom tojson: option --bulk-data-threshold needs a number");
        assertOneLineError(run("convert", "--to", "jpeg", "a", "b"), 2, "strata-dicom convert: unknown transfer syntax");
    }

    @Test
    void unreadableInputIsOneLineOnStderrAndExitTwo() throws IOException {
        assertOneLineError(run("dump", dir.resolve("missing.dcm").toString()), 2, "strata-dicom dump: ");
        Path garbage = dir.resolve("garbage.dcm");
        Files.write(garbage, "this is not DICOM at all, just text that goes on".repeat(20).getBytes());
        assertOneLineError(run("tojson", garbage.toString()), 2, "strata-dicom tojson: " + garbage);
        Path badJson = dir.resolve("bad.json");
        Files.writeString(badJson, "{\"00100010\":{\"vr\":\"PN\",\"Value\":[{\"Alphabetic\":}]}}");
        assertOneLineError(run("fromjson", badJson.toString(), dir.resolve("out.dcm").toString()), 2,
                "strata-dicom fromjson: " + badJson + ": JSON line 1 column");
        assertTrue(Files.notExists(dir.resolve("out.dcm")), "nothing written for bad input");
    }

    /** Our dump lists the same elements, VRs, nesting and text values as dcmdump. */
    @ParameterizedTest
    @ValueSource(strings = {"CT_small.dcm", "rtplan.dcm", "test-SR.dcm", "MR_small_RLE.dcm", "SC_rgb_rle_2frame.dcm"})
    void dumpShowsWhatDcmdumpShows(String name) {
        Run ours = run("dump", "--full", file(name));
        assertEquals(0, ours.exit, ours.err);
        String dcmdump = ExternalTools.run(dir, "dcmdump", "-q", "+L", "-Un", "+U8", file(name));
        List<String> expected = elementLines(dcmdump);
        List<String> actual = elementLines(ours.out);
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            assertEquals(expected.get(i), actual.get(i), "element line " + i);
        }
        assertEquals(expected.size(), actual.size());
    }

    private static final Pattern LINE = Pattern.compile("^( *)\\(([0-9a-f]{4}),([0-9a-f]{4})\\) (\\w\\w) (\\[[^\\]]*\\])?");

    /**
     * Indent, tag, VR and bracketed text value of each element line; delimiters, items, meta information and
     * Specific Character Set left out (dcmdump +U8 prints text as UTF-8 and declares ISO_IR 192 for it).
     */
    private static List<String> elementLines(String dump) {
        List<String> lines = new ArrayList<>();
        String[] raw = dump.split("\n");
        for (int i = 0; i < raw.length; i++) {
            String line = raw[i];
            // dcmdump prints text with line breaks as it is; join it back, control characters shown as '.'
            // the way our dump shows them.
            while (LINE.matcher(line).find() && line.matches("^ *\\([0-9a-f,]+\\) \\w\\w \\[[^\\]]*$") && i + 1 < raw.length) {
                line = line + "\n" + raw[++i];
            }
            Matcher m = LINE.matcher(line.replaceAll("\\p{Cntrl}", "."));
            if (m.find() && !m.group(2).equals("fffe") && !m.group(2).equals("0002")
                    && !(m.group(2) + m.group(3)).equals("00080005")) {
                String value = m.group(5) == null ? "" : m.group(5);
                lines.add(m.group(1).length() + " " + m.group(2) + "," + m.group(3) + " " + m.group(4) + " " + value);
            }
        }
        return lines;
    }

    @Test
    void tojsonWritesTheDataSetAndBulkDataUrisOnRequest() throws IOException {
        Run inline = run("tojson", "--compact", file("CT_small.dcm"));
        assertEquals(0, inline.exit, inline.err);
        Map<String, Object> json = JsonTestTrees.parse(inline.out);
        assertEquals("{vr=PN, Value=[{Alphabetic=CompressedSamples^CT1}]}", json.get("00100010").toString());
        assertTrue(json.get("7FE00010").toString().contains("InlineBinary"));
        Path out = dir.resolve("ct.json");
        Run uris = run("tojson", "-o", out.toString(), "--bulk-data-uri", "https://pacs/bulk", file("CT_small.dcm"));
        assertEquals(0, uris.exit, uris.err);
        assertEquals("", uris.out);
        assertEquals("{vr=OW, BulkDataURI=https://pacs/bulk/7FE00010}",
                JsonTestTrees.parse(Files.readString(out)).get("7FE00010").toString());
    }

    @Test
    void jsonAndXmlComeBackAsTheSameFile() throws IOException {
        for (String model : List.of("json", "xml")) {
            for (String name : List.of("CT_small.dcm", "SC_rgb_rle_2frame.dcm", "rtplan.dcm")) {
                Path text = dir.resolve(name + "." + model);
                assertEquals(0, run("to" + model, "-o", text.toString(), file(name)).exit);
                Path back = dir.resolve(name + "." + model + ".dcm");
                String syntax = name.contains("rle") ? "rle" : "explicit";
                Run from = run("from" + model, "--transfer-syntax", syntax, text.toString(), back.toString());
                assertEquals(0, from.exit, from.err);
                DicomFile original = Part10.read(ExternalTools.testFile(name));
                DicomFile copy = Part10.read(back);
                assertEquals(List.of(), DatasetDiff.differences(Corpus.asModelsCarryIt(original.dataset()),
                        Corpus.asModelsCarryIt(copy.dataset())), model + " " + name);
                ExternalTools.run(dir, "dcmdump", "-q", back.toString()); // DCMTK reads what we wrote
            }
        }
        Path xml = dir.resolve("ct.xml");
        run("toxml", "-o", xml.toString(), file("CT_small.dcm"));
        Dataset fromXml = DicomXmlReader.read(new ByteArrayInputStream(Files.readAllBytes(xml)));
        assertEquals("CompressedSamples^CT1", fromXml.getString(Tags.PatientName));
    }

    @Test
    void deflatedFilesShowTheirInflatedPixelData() throws IOException {
        Run run = run("tojson", "--compact", file("image_dfl.dcm"));
        assertEquals(0, run.exit, run.err);
        byte[] expected = Part10.read(ExternalTools.testFile("image_dfl.dcm")).dataset().readBytes(Tags.PixelData);
        Object pixels = ((Map<?, ?>) JsonTestTrees.parse(run.out).get("7FE00010")).get("InlineBinary");
        assertArrayEquals(expected, java.util.Base64.getDecoder().decode((String) pixels));
    }

    @Test
    void encapsulatedPixelDataNeedsItsSyntaxWhenComingFromJson() throws IOException {
        Path json = dir.resolve("rle.json");
        run("tojson", "-o", json.toString(), file("SC_rgb_rle.dcm"));
        assertOneLineError(run("fromjson", json.toString(), dir.resolve("x.dcm").toString()), 2,
                "strata-dicom fromjson: encapsulated pixel data needs --transfer-syntax");
    }

    /** convert to RLE, then DCMTK decodes it; convert pydicom's RLE to native, equal to DCMTK's decoding. */
    @ParameterizedTest
    @ValueSource(strings = {"SC_rgb_rle_2frame.dcm", "SC_rgb_rle_16bit_2frame.dcm", "rtdose_rle.dcm",
        "MR_small_RLE.dcm"})
    void convertEncodesAndDecodesRleLikeDcmtk(String name) throws IOException {
        Path dcmtkNative = dir.resolve("dcmtk-native.dcm");
        ExternalTools.run(dir, "dcmdrle", file(name), dcmtkNative.toString());
        byte[] expected = Part10.read(dcmtkNative).dataset().readBytes(Tags.PixelData);

        Path ourNative = dir.resolve("our-native.dcm");
        Run decode = run("convert", "--to", "explicit", file(name), ourNative.toString());
        assertEquals(0, decode.exit, decode.err);
        DicomFile decoded = Part10.read(ourNative);
        assertEquals(UIDs.ExplicitVRLittleEndian, decoded.meta().transferSyntaxUid());
        assertArrayEquals(expected, decoded.dataset().readBytes(Tags.PixelData));

        Path ourRle = dir.resolve("our-rle.dcm");
        Run encode = run("convert", "--to", "rle", ourNative.toString(), ourRle.toString());
        assertEquals(0, encode.exit, encode.err);
        assertInstanceOf(Fragments.class, Part10.read(ourRle).dataset().get(Tags.PixelData));
        Path roundTrip = dir.resolve("dcmtk-decoded-ours.dcm");
        ExternalTools.run(dir, "dcmdrle", ourRle.toString(), roundTrip.toString());
        assertArrayEquals(expected, Part10.read(roundTrip).dataset().readBytes(Tags.PixelData));
    }

    @Test
    void convertRefusesWhatItCannotDo() throws IOException {
        assertOneLineError(run("convert", "--to", "explicit", file("JPEG2000.dcm"), dir.resolve("j.dcm").toString()),
                2, "strata-dicom convert: cannot convert pixel data from JPEG 2000");
        assertOneLineError(run("convert", "--to", "rle", file("CT_small.dcm"), file("CT_small.dcm")), 2,
                "strata-dicom convert: OUT must be another file than IN");
        assertOneLineError(run("convert", file("CT_small.dcm"), dir.resolve("x.dcm").toString()), 2,
                "strata-dicom convert: missing --to SYNTAX");
    }

    @Test
    void validateExitCodesTellCleanFromDefectiveFromUnreadable() throws IOException {
        Run clean = run("validate", file("CT_small.dcm"));
        assertEquals(0, clean.exit, clean.out + clean.err);
        assertEquals(file("CT_small.dcm") + ": ok\n", clean.out);
        Run defects = run("validate", file("rtplan.dcm"), file("CT_small.dcm"));
        assertEquals(1, defects.exit);
        assertTrue(defects.out.contains(file("rtplan.dcm") + ": Media Storage SOP Instance UID"), defects.out);
        Path shortPixels = dir.resolve("short.dcm");
        DicomFile ct = Part10.read(ExternalTools.testFile("CT_small.dcm"));
        ct.dataset().put(Tags.PixelData, org.strata.dicom.data.VR.OW, new byte[100]);
        Part10.write(shortPixels, ct.meta(), ct.dataset());
        Run pixels = run("validate", shortPixels.toString());
        assertEquals(1, pixels.exit);
        assertTrue(pixels.out.contains("Pixel Data has 100 bytes, 1 frame(s) of 128x128x1x16 bits need 32768"),
                pixels.out);
        Run unreadable = run("validate", file("rtplan_truncated.dcm"), file("CT_small.dcm"));
        assertEquals(2, unreadable.exit);
        assertTrue(unreadable.err.startsWith("strata-dicom validate: " + file("rtplan_truncated.dcm")), unreadable.err);
        assertTrue(unreadable.out.contains("CT_small.dcm: ok"), "later files are still checked");
    }

    private static void assertOneLineError(Run run, int exit, String prefix) {
        assertEquals(exit, run.exit, run.err);
        assertTrue(run.err.startsWith(prefix), run.err);
        assertEquals(1, run.err.lines().count(), run.err);
    }
}
