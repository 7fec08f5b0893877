package org.strata.dicom.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.strata.dicom.data.ByteOrder;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.data.Fragments;
import org.strata.dicom.data.Sequence;
import org.strata.dicom.data.VR;
import org.strata.dicom.io.DicomFile;
import org.strata.dicom.io.Part10;
import org.strata.dicom.json.BulkDataPolicy;
import org.strata.dicom.json.ModelFormatException;
import org.strata.dicom.json.SampleDatasets;
import org.strata.dicom.testsupport.Corpus;
import org.strata.dicom.testsupport.DatasetDiff;
import org.strata.dicom.testsupport.ExternalTools;
import org.xml.sax.SAXException;

/**
 * Native DICOM Model XML: our output has the structure of PS3.19 A.1.6 (validated with an XML Schema
 * transcription of it), reads back to the same data set, and our reader reads what DCMTK's dcm2xml writes.
 */
class DicomXmlTest {

    private static Schema schema;

    @BeforeAll
    static void loadSchema() throws SAXException {
        schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(DicomXmlTest.class.getResource("/xml/native-dicom-model.xsd"));
    }

    @Test
    void everyCorpusFileIsValidAndSurvivesTheRoundTrip() throws IOException, SAXException {
        List<String> failures = new ArrayList<>();
        for (DicomFile file : Corpus.readable()) {
            Dataset original = Corpus.asModelsCarryIt(file.dataset());
            byte[] xml = xml(original);
            schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
            Dataset back = DicomXmlReader.read(new ByteArrayInputStream(xml));
            if (!original.equals(back)) {
                failures.add(original.getString(0x00080018, "?") + " " + DatasetDiff.differences(original, back));
            }
        }
        assertEquals(List.of(), failures, "data sets that changed in the round trip");
    }

    @Test
    void everyValueShapeSurvivesTheRoundTrip() throws IOException, SAXException {
        Dataset original = SampleDatasets.everyValueShape();
        byte[] xml = xml(original);
        schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
        Dataset back = DicomXmlReader.read(new ByteArrayInputStream(xml));
        assertEquals(List.of(), DatasetDiff.differences(original, back));
        assertEquals(original, back);
        assertInstanceOf(Fragments.class, back.get(0x7FE00010));
        String text = new String(xml, StandardCharsets.UTF_8);
        assertTrue(text.contains("<PersonName number=\"1\"><Alphabetic><FamilyName>Yamada</FamilyName>"
                + "<GivenName>Tarou</GivenName></Alphabetic><Ideographic><FamilyName>山田</FamilyName>"), text);
        assertTrue(text.contains("line one&#13;\nline two"), "CR survives XML end-of-line handling");
    }

    @Test
    void bulkDataPolicyWritesUris() throws IOException {
        Dataset ds = new Dataset();
        ds.put(0x00420011, VR.OB, new byte[100]);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DicomXmlWriter(out, BulkDataPolicy.uris(10, (path, vr) -> "urn:x:" + path), false).write(ds);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("<BulkData uri=\"urn:x:00420011\"/>"));
    }

    /** The XML names a private element without its block byte, but its bulk data path keeps the full tag. */
    @Test
    void bulkDataPathsOfPrivateElementsHoldTheFullTag() throws IOException {
        Dataset ds = new Dataset();
        int tag = ds.privateTag("STRATA TEST", 0x0043, 0x29, true);
        ds.put(tag, VR.OB, new byte[100]);
        Dataset item = ds.newSequence(0x00540016).addItem();
        item.put(item.privateTag("STRATA TEST", 0x0019, 0x01, true), VR.OB, new byte[100]);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DicomXmlWriter(out, BulkDataPolicy.uris(10, (path, vr) -> "urn:x:" + path), false).write(ds);
        String xml = out.toString(StandardCharsets.UTF_8);
        assertTrue(xml.contains("<BulkData uri=\"urn:x:" + String.format("%08X", tag) + "\"/>"), xml);
        assertTrue(xml.contains("<BulkData uri=\"urn:x:00540016/0/00191001\"/>"), xml);
    }

    /**
     * What dcm2xml (DCMTK) writes as Native DICOM Model reads to the data set our reader reads from the file.
     * Not every file: dcm2xml 3.6.7 drops the block of private elements that have no creator
     * (waveform_ecg.dcm) and cannot convert ISO 2022 text to UTF-8 (chrH31.dcm and friends).
     */
    @ParameterizedTest
    @ValueSource(strings = {"CT_small.dcm", "MR_small.dcm", "rtplan.dcm", "test-SR.dcm", "SC_rgb_small_odd.dcm",
        "reportsi.dcm", "../charset_files/chrFren.dcm", "../charset_files/chrRuss.dcm"})
    void readsWhatDcmtkWrites(String name, @TempDir Path dir) throws IOException {
        Path file = ExternalTools.testFile(name);
        String xml = ExternalTools.run(dir, "dcm2xml", "-q", "-nat", "+Xn", "+Eb", "+U8", file.toString());
        Dataset fromDcmtk = DicomXmlReader.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Dataset original = Corpus.asModelsCarryIt(Part10.read(file).dataset());
        // +U8 makes DCMTK convert text to UTF-8 and declare ISO_IR 192 instead of the file's character set;
        // our values from XML are already text, so give them back the file's declaration.
        if (original.contains(0x00080005)) {
            fromDcmtk.put(0x00080005, VR.CS, original.get(0x00080005));
        } else {
            fromDcmtk.remove(0x00080005);
        }
        swapWords(fromDcmtk);
        assertEquals(List.of(), DatasetDiff.differences(original, fromDcmtk));
    }

    @Test
    void refusesTextXmlCannotCarry() {
        Dataset ds = new Dataset();
        ds.put(0x00204000, VR.LT, "page one\fpage two");
        IOException e = assertThrows(IOException.class, () -> xml(ds));
        assertTrue(e.getMessage().contains("U+000C"), e.getMessage());
    }

    /** dcm2xml 3.6.7 Base64-encodes OW most significant byte first; the model (and we) use little endian. */
    private static void swapWords(Dataset dataset) {
        for (int i = 0; i < dataset.size(); i++) {
            if (dataset.vrAt(i) == VR.OW && dataset.valueAt(i) instanceof byte[] bytes) {
                ByteOrder.swap(bytes, 0, bytes.length, 2);
            } else if (dataset.valueAt(i) instanceof Sequence items) {
                items.forEach(DicomXmlTest::swapWords);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<NativeDicomModel><DicomAttribute tag=\"0010001\" vr=\"PN\"/></NativeDicomModel>",
        "<NativeDicomModel><DicomAttribute tag=\"00100010\" vr=\"P\"/></NativeDicomModel>",
        "<NativeDicomModel><DicomAttribute tag=\"00100010\"/></NativeDicomModel>",
        "<NativeDicomModel><Foo/></NativeDicomModel>",
        "<Other/>",
        "<NativeDicomModel><DicomAttribute tag=\"00100010\" vr=\"PN\"><PersonName number=\"1\"><Alphabetic>"
                + "<Nick>x</Nick></Alphabetic></PersonName></DicomAttribute></NativeDicomModel>",
        "<NativeDicomModel><DicomAttribute tag=\"00280010\" vr=\"US\"><Value number=\"1\">70000</Value>"
                + "</DicomAttribute></NativeDicomModel>",
        "<NativeDicomModel><DicomAttribute tag=\"00420011\" vr=\"OB\"><Value number=\"1\">1</Value>"
                + "</DicomAttribute></NativeDicomModel>",
        "<NativeDicomModel><DicomAttribute tag=\"00420011\" vr=\"OB\"><InlineBinary>@@</InlineBinary>"
                + "</DicomAttribute></NativeDicomModel>",
        "<NativeDicomModel><DicomAttribute tag=\"00420011\" vr=\"OB\"><BulkData uri=\"http://x\"/>"
                + "</DicomAttribute></NativeDicomModel>",
        "<NativeDicomModel><DicomAttribute tag=\"00100020\" vr=\"LO\"><Item number=\"1\"/>"
                + "</DicomAttribute></NativeDicomModel>",
        "<NativeDicomModel><DicomAttribute",
        "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><NativeDicomModel>&e;</NativeDicomModel>"})
    void refusesDocumentsThatAreNotTheModel(String xml) {
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> DicomXmlReader.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
        assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
    }

    private static byte[] xml(Dataset dataset) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DicomXmlWriter(out, BulkDataPolicy.INLINE, true).write(dataset);
        return out.toByteArray();
    }
}
