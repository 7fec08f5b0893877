package org.strata.dicom.json;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.data.Sequence;
import org.strata.dicom.data.VR;

/**
 * Reads the DICOM JSON Model (PS3.18 Annex F) into data sets: one object, or an array of them as DICOMweb
 * returns. Top-level elements are read one at a time; text values arrive as Unicode and are encoded with
 * the data set's Specific Character Set when written.
 */
public final class DicomJsonReader {

    private static final String[] NAME_GROUPS = {"Alphabetic", "Ideographic", "Phonetic"};

    private final JsonParser parser;
    private final BulkDataResolver resolver;

    public DicomJsonReader(Reader in, BulkDataResolver resolver) {
        this.parser = new JsonParser(in);
        this.resolver = resolver;
    }

    /** Reads one data set from UTF-8 JSON, refusing bulk data URIs. */
    public static Dataset read(InputStream in) throws IOException {
        return new DicomJsonReader(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)),
                BulkDataResolver.NONE).readDataset();
    }

    /** Reads a document holding one data set object. */
    public Dataset readDataset() throws IOException {
        Dataset dataset = new Dataset();
        expect(parser.next(), JsonParser.Token.BEGIN_OBJECT, "a data set object");
        readElements(dataset);
        expect(parser.next(), JsonParser.Token.END, "the end of the document");
        return dataset;
    }

    /** Reads a document holding an array of data set objects. */
    public List<Dataset> readDatasets() throws IOException {
        List<Dataset> datasets = new ArrayList<>();
        expect(parser.next(), JsonParser.Token.BEGIN_ARRAY, "an array of data sets");
        for (JsonParser.Token t = parser.next(); t != JsonParser.Token.END_ARRAY; t = parser.next()) {
            expect(t, JsonParser.Token.BEGIN_OBJECT, "a data set object");
            Dataset dataset = new Dataset();
            readElements(dataset);
            datasets.add(dataset);
        }
        expect(parser.next(), JsonParser.Token.END, "the end of the document");
        return datasets;
    }

    private void readElements(Dataset dataset) throws IOException {
        for (JsonParser.Token t = parser.next(); t != JsonParser.Token.END_OBJECT; t = parser.next()) {
            String key = parser.text();
            int tag = parseTag(key);
            Object element = JsonTree.read(parser, parser.next());
            if (!(element instanceof Map<?, ?> members)) {
                throw parser.error("element " + key + " is not an object");
            }
            putElement(dataset, tag, members);
        }
    }

    private void putElement(Dataset dataset, int tag, Map<?, ?> members) throws IOException {
        Where where = new Where(tag);
        if (tag >>> 16 == 0xFFFE) {
            throw new ModelFormatException(where + " is an item or delimiter tag, not an attribute");
        }
        VR vr = members.get("vr") instanceof String name ? VR.ofName(name) : null;
        if (vr == null) {
            throw new ModelFormatException(where + " has no valid \"vr\" (" + members.get("vr") + ")");
        }
        Object values = members.get("Value");
        Object inline = members.get("InlineBinary");
        Object uri = members.get("BulkDataURI");
        if ((values != null ? 1 : 0) + (inline != null ? 1 : 0) + (uri != null ? 1 : 0) > 1) {
            throw new ModelFormatException(where + " has more than one of Value, InlineBinary, BulkDataURI");
        }
        if (inline != null) {
            dataset.put(tag, vr, ModelValues.binaryValue(tag, decodeBase64(inline, where)));
        } else if (uri != null) {
            if (!(uri instanceof String text)) {
                throw new ModelFormatException(where + " has a BulkDataURI that is not a string");
            }
            dataset.put(tag, vr, resolver.resolve(text, tag, vr));
        } else if (values == null) {
            if (vr == VR.SQ) {
                dataset.newSequence(tag);
            } else {
                dataset.put(tag, vr, null);
            }
        } else if (!(values instanceof List<?> list)) {
            throw new ModelFormatException(where + " has a Value that is not an array");
        } else if (vr == VR.SQ) {
            Sequence sequence = dataset.newSequence(tag);
            for (Object item : list) {
                Dataset itemDataset = sequence.addItem();
                if (item instanceof Map<?, ?> elements) {
                    putItemElements(itemDataset, elements, where);
                } else if (item != null) {
                    throw new ModelFormatException(where + " has a sequence item that is not an object");
                }
            }
        } else if (BulkDataPolicy.isBinary(vr)) {
            throw new ModelFormatException(where + " of VR " + vr + " needs InlineBinary or BulkDataURI, not Value");
        } else {
            ModelValues.putValues(dataset, tag, vr, texts(list, vr, where));
        }
    }

    private void putItemElements(Dataset item, Map<?, ?> elements, Where where) throws IOException {
        for (Map.Entry<?, ?> entry : elements.entrySet()) {
            int tag = parseTag((String) entry.getKey());
            if (!(entry.getValue() instanceof Map<?, ?> members)) {
                throw new ModelFormatException(where + ": item element " + entry.getKey() + " is not an object");
            }
            putElement(item, tag, members);
        }
    }

    /** The values of a non-binary element as text; null stands for an empty value. */
    private static List<String> texts(List<?> values, VR vr, Where where) throws ModelFormatException {
        List<String> texts = new ArrayList<>(values.size());
        for (Object value : values) {
            if (value == null) {
                texts.add(null);
            } else if (value instanceof String s) {
                texts.add(s);
            } else if (value instanceof JsonTree.Number n) {
                texts.add(n.text());
            } else if (vr == VR.PN && value instanceof Map<?, ?> groups) {
                texts.add(personName(groups, where));
            } else {
                throw new ModelFormatException(where + " of VR " + vr + " has an unexpected value " + value);
            }
        }
        return texts;
    }

    private static String personName(Map<?, ?> groups, Where where) throws ModelFormatException {
        String[] parts = new String[NAME_GROUPS.length];
        for (int g = 0; g < NAME_GROUPS.length; g++) {
            Object part = groups.get(NAME_GROUPS[g]);
            if (part != null && !(part instanceof String)) {
                throw new ModelFormatException(where + ": " + NAME_GROUPS[g] + " is not a string");
            }
            parts[g] = (String) part;
        }
        return ModelValues.joinTrimmed('=', parts);
    }

    private static byte[] decodeBase64(Object inline, Where where) throws ModelFormatException {
        if (!(inline instanceof String text)) {
            throw new ModelFormatException(where + " has InlineBinary that is not a string");
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(where + " has invalid Base64 in InlineBinary: " + e.getMessage());
        }
    }

    /** Names an element in error messages; formatted only when one is thrown. */
    private record Where(int tag) {
        @Override
        public String toString() {
            return String.format("element %08X", tag);
        }
    }

    private int parseTag(String key) throws ModelFormatException {
        if (key.length() != 8 || !key.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 128)) {
            throw parser.error("\"" + key + "\" is not a tag of 8 hex digits");
        }
        return (int) Long.parseLong(key, 16);
    }

    private void expect(JsonParser.Token actual, JsonParser.Token expected, String what) throws ModelFormatException {
        if (actual != expected) {
            throw parser.error("expected " + what + ", found " + actual);
        }
    }
}
