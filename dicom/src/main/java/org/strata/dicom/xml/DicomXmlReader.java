package org.strata.dicom.xml;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.data.Sequence;
import org.strata.dicom.data.VR;
import org.strata.dicom.json.BulkDataPolicy;
import org.strata.dicom.json.BulkDataResolver;
import org.strata.dicom.json.ModelFormatException;
import org.strata.dicom.json.ModelValues;

/**
 * Reads the Native DICOM Model (PS3.19 A.1) into a data set, streaming through StAX. Accepts documents
 * with or without the PS3.19 namespace (DCMTK's dcm2xml writes none unless asked) and the older
 * SingleByte name group. DTDs and external entities are refused.
 */
public final class DicomXmlReader {

    private static final int MAX_DEPTH = 128;
    private static final String[] NAME_GROUPS = {"Alphabetic", "Ideographic", "Phonetic"};
    private static final List<String> NAME_COMPONENTS = List.of("FamilyName", "GivenName", "MiddleName",
            "NamePrefix", "NameSuffix");

    private final BulkDataResolver resolver;

    public DicomXmlReader(BulkDataResolver resolver) {
        this.resolver = resolver;
    }

    /** Reads one document, refusing bulk data references. */
    public static Dataset read(InputStream in) throws IOException {
        return new DicomXmlReader(BulkDataResolver.NONE).readDataset(in);
    }

    /** Reads one NativeDicomModel document. */
    public Dataset readDataset(InputStream in) throws IOException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            try {
                xml.nextTag();
                if (!xml.getLocalName().equals("NativeDicomModel")) {
                    throw error(xml, "root element is <" + xml.getLocalName() + ">, not <NativeDicomModel>");
                }
                Dataset dataset = new Dataset();
                readAttributes(xml, dataset, 0);
                return dataset;
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            throw new ModelFormatException("malformed XML: " + e.getMessage());
        }
    }

    /** Reads DicomAttribute children up to the end of the current element. */
    private void readAttributes(XMLStreamReader xml, Dataset dataset, int depth)
            throws XMLStreamException, IOException {
        if (depth > MAX_DEPTH) {
            throw error(xml, "sequences nested deeper than " + MAX_DEPTH);
        }
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (!xml.getLocalName().equals("DicomAttribute")) {
                throw error(xml, "unexpected <" + xml.getLocalName() + "> where <DicomAttribute> belongs");
            }
            readAttribute(xml, dataset, depth);
        }
    }

    private void readAttribute(XMLStreamReader xml, Dataset dataset, int depth)
            throws XMLStreamException, IOException {
        String tagText = xml.getAttributeValue(null, "tag");
        if (tagText == null || tagText.length() != 8
                || !tagText.chars().allMatch(c -> c < 128 && Character.digit(c, 16) >= 0)) {
            throw error(xml, "DicomAttribute tag \"" + tagText + "\" is not 8 hex digits");
        }
        int tag = (int) Long.parseLong(tagText, 16);
        if (tag >>> 16 == 0xFFFE) {
            throw error(xml, "DicomAttribute " + tagText + " is an item or delimiter tag, not an attribute");
        }
        String creator = xml.getAttributeValue(null, "privateCreator");
        if (creator != null && (tag & 0x00010000) != 0 && (tag & 0xFF00) == 0) {
            // gggg00ee with a creator: the element ee of that creator's block, reserved if not yet there.
            try {
                tag = dataset.privateTag(creator, tag >>> 16, tag & 0xFF, true);
            } catch (IllegalStateException e) {
                throw error(xml, "no free private block for " + creator + ": " + e.getMessage());
            }
        }
        String vrText = xml.getAttributeValue(null, "vr");
        VR vr = VR.ofName(vrText);
        if (vr == null) {
            throw error(xml, "DicomAttribute " + tagText + " has no valid vr (\"" + vrText + "\")");
        }
        List<String> values = new ArrayList<>();
        Sequence sequence = vr == VR.SQ ? dataset.newSequence(tag) : null;
        Object binary = null;
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            String child = xml.getLocalName();
            switch (child) {
                case "Value" -> values.add(xml.getElementText());
                case "PersonName" -> values.add(readPersonName(xml));
                case "Item" -> {
                    if (sequence == null) {
                        throw error(xml, "Item in DicomAttribute " + tagText + " of VR " + vr);
                    }
                    readAttributes(xml, sequence.addItem(), depth + 1);
                }
                case "InlineBinary" -> binary = ModelValues.binaryValue(tag, decodeBase64(xml, xml.getElementText()));
                case "BulkData" -> {
                    String uri = xml.getAttributeValue(null, "uri");
                    if (uri == null) {
                        uri = xml.getAttributeValue(null, "uuid");
                    }
                    if (uri == null) {
                        throw error(xml, "BulkData of " + tagText + " has neither uri nor uuid");
                    }
                    binary = resolver.resolve(uri, tag, vr);
                    skipElement(xml);
                }
                default -> throw error(xml, "unexpected <" + child + "> in DicomAttribute " + tagText);
            }
        }
        if (sequence != null) {
            return;
        }
        if (binary != null) {
            dataset.put(tag, vr, binary);
        } else if (values.isEmpty()) {
            dataset.put(tag, vr, null);
        } else if (BulkDataPolicy.isBinary(vr)) {
            throw error(xml, "DicomAttribute " + tagText + " of VR " + vr + " needs InlineBinary or BulkData");
        } else {
            ModelValues.putValues(dataset, tag, vr, values);
        }
    }

    private String readPersonName(XMLStreamReader xml) throws XMLStreamException, IOException {
        String[] groups = new String[NAME_GROUPS.length];
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            String group = xml.getLocalName();
            int index = switch (group) {
                case "Alphabetic", "SingleByte" -> 0;
                case "Ideographic" -> 1;
                case "Phonetic" -> 2;
                default -> throw error(xml, "unexpected <" + group + "> in PersonName");
            };
            String[] components = new String[NAME_COMPONENTS.size()];
            while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
                int component = NAME_COMPONENTS.indexOf(xml.getLocalName());
                if (component < 0) {
                    throw error(xml, "unexpected <" + xml.getLocalName() + "> in " + group);
                }
                components[component] = xml.getElementText();
            }
            groups[index] = ModelValues.joinTrimmed('^', components);
        }
        return ModelValues.joinTrimmed('=', groups);
    }

    private static byte[] decodeBase64(XMLStreamReader xml, String text) throws ModelFormatException {
        try {
            return Base64.getDecoder().decode(text.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw error(xml, "invalid Base64 in InlineBinary: " + e.getMessage());
        }
    }

    private static void skipElement(XMLStreamReader xml) throws XMLStreamException {
        for (int depth = 1; depth > 0; ) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private static ModelFormatException error(XMLStreamReader xml, String message) {
        return new ModelFormatException("XML line " + xml.getLocation().getLineNumber() + ": " + message);
    }
}
