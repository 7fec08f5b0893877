package org.strata.dicom.xml;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.data.Sequence;
import org.strata.dicom.data.VR;
import org.strata.dicom.dict.ElementDictionary;
import org.strata.dicom.json.BulkDataPolicy;
import org.strata.dicom.json.ModelValues;

/**
 * Writes data sets as the Native DICOM Model (PS3.19 A.1) in UTF-8, streaming through StAX: values go
 * straight from the data set to the output and binary values are Base64-encoded chunk by chunk.
 */
public final class DicomXmlWriter {

    /** The Native DICOM Model namespace. */
    public static final String NAMESPACE = "http://dicom.nema.org/PS3.19/models/NativeDICOM";
    private static final String[] NAME_GROUPS = {"Alphabetic", "Ideographic", "Phonetic"};
    private static final String[] NAME_COMPONENTS = {"FamilyName", "GivenName", "MiddleName", "NamePrefix",
        "NameSuffix"};

    /** Factories are costly to find; one serves every writer. */
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private final XMLStreamWriter xml;
    private final BulkDataPolicy bulkData;
    private final boolean newlines;

    /**
     * @param out where the UTF-8 XML goes; flushed, not closed
     * @param bulkData when binary values go out as BulkData URIs instead of InlineBinary
     * @param newlines put each XML element on its own line, as people like to read it
     */
    public DicomXmlWriter(OutputStream out, BulkDataPolicy bulkData, boolean newlines) throws IOException {
        try {
            this.xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
        } catch (XMLStreamException e) {
            throw new IOException("cannot start XML output: " + e.getMessage(), e);
        }
        this.bulkData = bulkData;
        this.newlines = newlines;
    }

    /** Writes one data set as a whole XML document. */
    public void write(Dataset dataset) throws IOException {
        try {
            xml.writeStartDocument("UTF-8", "1.0");
            newline();
            xml.writeStartElement("NativeDicomModel");
            xml.writeDefaultNamespace(NAMESPACE);
            xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "space", "preserve");
            newline();
            writeAttributes(dataset, "");
            xml.writeEndElement();
            newline();
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write XML: " + e.getMessage(), e);
        }
    }

    private void writeAttributes(Dataset dataset, String path) throws XMLStreamException, IOException {
        for (int i = 0; i < dataset.size(); i++) {
            int tag = dataset.tagAt(i);
            if (!ModelValues.isGroupLength(tag)) {
                writeAttribute(dataset, tag, dataset.vrAt(i), dataset.valueAt(i), path);
            }
        }
    }

    private void writeAttribute(Dataset dataset, int tag, VR vr, Object value, String path)
            throws XMLStreamException, IOException {
        String creator = dataset.privateCreatorOf(tag);
        // A private element is named by its creator and its tag without the block byte (PS3.19 A.1.5).
        String tagText = hex8(creator == null ? tag : tag & 0xFFFF00FF);
        xml.writeStartElement("DicomAttribute");
        xml.writeAttribute("tag", tagText);
        xml.writeAttribute("vr", vr.name());
        String keyword = creator == null ? ElementDictionary.keywordOf(tag) : "";
        if (!keyword.isEmpty()) {
            xml.writeAttribute("keyword", keyword);
        }
        if (creator != null) {
            xml.writeAttribute("privateCreator", creator);
        }
        newline();
        if (value instanceof Sequence items) {
            for (int i = 0; i < items.size(); i++) {
                xml.writeStartElement("Item");
                xml.writeAttribute("number", Integer.toString(i + 1));
                newline();
                writeAttributes(items.get(i), path + hex8(tag) + "/" + i + "/");
                xml.writeEndElement();
                newline();
            }
        } else if (vr == VR.SQ && value != null) {
            throw new IOException("element " + tagText + " has VR SQ but holds no sequence");
        } else if (value != null && (BulkDataPolicy.isBinary(vr)
                || !(value instanceof byte[] || value instanceof String))) {
            // the bulk data path names the element by its full tag, block byte included, as the JSON writer does
            writeBinary(vr, value, dataset.byteSwapUnit(tag, vr), path + hex8(tag));
        } else if (value != null) {
            writeValues(dataset.getStrings(tag), vr);
        }
        xml.writeEndElement();
        newline();
    }

    private static String hex8(int tag) {
        String hex = Integer.toHexString(tag).toUpperCase(java.util.Locale.ROOT);
        return "00000000".substring(hex.length()) + hex;
    }

    private void writeValues(String[] values, VR vr) throws XMLStreamException, IOException {
        for (int i = 0; i < values.length; i++) {
            String number = Integer.toString(i + 1);
            if (vr == VR.PN) {
                xml.writeStartElement("PersonName");
                xml.writeAttribute("number", number);
                writePersonName(values[i]);
            } else {
                xml.writeStartElement("Value");
                xml.writeAttribute("number", number);
                writeText(values[i]);
            }
            xml.writeEndElement();
            newline();
        }
    }

    /**
     * Writes text, escaping CR, which XML readers would otherwise turn into LF (XML 1.0 section 2.11), and
     * refusing the other control characters, which XML 1.0 cannot carry at all.
     */
    private void writeText(String text) throws XMLStreamException, IOException {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF) {
                throw new IOException(String.format("a value holds the control character U+%04X, which XML 1.0"
                        + " cannot carry", (int) c));
            }
        }
        int from = 0;
        for (int cr = text.indexOf('\r'); cr >= 0; cr = text.indexOf('\r', from)) {
            xml.writeCharacters(text.substring(from, cr));
            xml.writeEntityRef("#13");
            from = cr + 1;
        }
        xml.writeCharacters(text.substring(from));
    }

    private void writePersonName(String value) throws XMLStreamException, IOException {
        String[] groups = value.split("=", -1);
        for (int g = 0; g < Math.min(groups.length, NAME_GROUPS.length); g++) {
            if (groups[g].isEmpty()) {
                continue;
            }
            xml.writeStartElement(NAME_GROUPS[g]);
            String[] components = groups[g].split("\\^", -1);
            for (int c = 0; c < Math.min(components.length, NAME_COMPONENTS.length); c++) {
                if (!components[c].isEmpty()) {
                    xml.writeStartElement(NAME_COMPONENTS[c]);
                    writeText(components[c]);
                    xml.writeEndElement();
                }
            }
            xml.writeEndElement();
        }
    }

    private void writeBinary(VR vr, Object value, int swapUnit, String path)
            throws XMLStreamException, IOException {
        long length = ModelValues.binaryLength(value);
        if (length == 0) {
            return;
        }
        if (bulkData.useUri(length)) {
            xml.writeEmptyElement("BulkData");
            xml.writeAttribute("uri", bulkData.uriBuilder().uriFor(path, vr));
        } else {
            xml.writeStartElement("InlineBinary");
            try (InputStream in = ModelValues.binaryStream(value, swapUnit)) {
                ModelValues.writeBase64(in, length, new CharactersWriter());
            }
            xml.writeEndElement();
        }
        newline();
    }

    private void newline() throws XMLStreamException {
        if (newlines) {
            xml.writeCharacters("\n");
        }
    }

    /** Feeds Base64 text into the XML stream as element content. */
    private final class CharactersWriter extends Writer {
        @Override
        public void write(char[] chars, int off, int len) throws IOException {
            try {
                xml.writeCharacters(chars, off, len);
            } catch (XMLStreamException e) {
                throw new IOException("cannot write XML: " + e.getMessage(), e);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
