package org.strata.web.dicomweb;

import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.strata.web.dicomweb.multipart.MalformedMultipartException;
import org.strata.web.dicomweb.multipart.MediaTypeParameters;

/**
 * The media ranges of an Accept header, most preferred first (by q, then by order); an absent header is
 * {@code *}{@code /*}. A range with q=0 is dropped: the client refuses it.
 */
public record AcceptHeader(List<MediaTypeParameters> ranges) {

    public static AcceptHeader parse(String header) {
        List<MediaTypeParameters> ranges = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        String value = header == null || header.isBlank() ? "*/*" : header;
        for (String item : splitOutsideQuotes(value)) {
            if (item.isBlank()) {
                continue;
            }
            MediaTypeParameters range;
            try {
                range = MediaTypeParameters.parse(item);
            } catch (MalformedMultipartException e) {
                throw new DicomWebException(Response.Status.BAD_REQUEST, "Accept header: " + e.getMessage());
            }
            double q = quality(range.get("q"));
            if (q > 0) {
                ranges.add(range);
                weights.add(q);
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -weights.get(i)));
        return new AcceptHeader(order.stream().map(ranges::get).toList());
    }

    /** Whether {@code range} (e.g. {@code *}{@code /*}, {@code application/*}) covers {@code baseType}. */
    public static boolean covers(MediaTypeParameters range, String baseType) {
        String r = range.baseType();
        return r.equals("*/*") || r.equals(baseType)
                || r.endsWith("/*") && baseType.startsWith(r.substring(0, r.length() - 1));
    }

    /** The first of {@code offered} base types that the client accepts, or a 406 naming what it asked for. */
    public String choose(String... offered) {
        for (MediaTypeParameters range : ranges) {
            for (String type : offered) {
                if (covers(range, type)) {
                    return type;
                }
            }
        }
        throw DicomWebException.notAcceptable("none of " + String.join(", ", offered) + " is acceptable");
    }

    private static double quality(String q) {
        if (q == null) {
            return 1;
        }
        try {
            return Double.parseDouble(q);
        } catch (NumberFormatException e) {
            throw DicomWebException.badRequest("Accept header: q=" + q + " is not a number");
        }
    }

    /** The comma-separated items of a header value, commas inside quoted strings kept. */
    static List<String> splitOutsideQuotes(String value) {
        List<String> items = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\\' && quoted) {
                i++;
            } else if (c == ',' && !quoted) {
                items.add(value.substring(start, i));
                start = i + 1;
            }
        }
        items.add(value.substring(start));
        return items;
    }
}
