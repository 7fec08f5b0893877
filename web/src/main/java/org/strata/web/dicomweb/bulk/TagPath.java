package org.strata.web.dicomweb.bulk;

import java.util.ArrayList;
import java.util.List;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.data.Sequence;
import org.strata.web.dicomweb.DicomWebException;

/**
 * Where an element sits in a data set, as the {path} of a bulk data URI: 8-hex-digit tags joined by '.' with
 * 0-based item indexes between them, e.g. {@code 7FE00010} or {@code 00540016.0.00181072}.
 *
 * @param sequences the enclosing sequence tags, outermost first
 * @param items     the item index in each of them
 * @param tag       the element's own tag
 */
public record TagPath(List<Integer> sequences, List<Integer> items, int tag) {

    /** Parses a path; 400 when it is not of the form above. */
    public static TagPath parse(String path) {
        String[] tokens = path.split("\\.", -1);
        if (tokens.length % 2 == 0) {
            throw DicomWebException.badRequest("bulk data path " + path + " does not end with a tag");
        }
        List<Integer> sequences = new ArrayList<>();
        List<Integer> items = new ArrayList<>();
        for (int i = 0; i < tokens.length - 1; i += 2) {
            sequences.add(tag(tokens[i], path));
            items.add(index(tokens[i + 1], path));
        }
        return new TagPath(sequences, items, tag(tokens[tokens.length - 1], path));
    }

    /** The data set that holds the element (the top level or a nested item), or null if the path leads nowhere. */
    public Dataset container(Dataset top) {
        Dataset current = top;
        for (int i = 0; i < sequences.size(); i++) {
            Sequence sequence = current.getSequence(sequences.get(i));
            if (sequence == null || items.get(i) >= sequence.size()) {
                return null;
            }
            current = sequence.get(items.get(i));
        }
        return current;
    }

    private static int tag(String token, String path) {
        if (!token.matches("[0-9A-Fa-f]{8}")) {
            throw DicomWebException.badRequest("bulk data path " + path + ": '" + token + "' is not an 8-hex-digit tag");
        }
        return Integer.parseUnsignedInt(token, 16);
    }

    private static int index(String token, String path) {
        if (!token.matches("[0-9]{1,9}")) {
            throw DicomWebException.badRequest("bulk data path " + path + ": '" + token + "' is not an item index");
        }
        return Integer.parseInt(token);
    }
}
