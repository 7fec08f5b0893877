package org.strata.web.dicomweb.multipart;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A media type header value split into its base type and parameters (RFC 2045 5.1): {@code type/subtype} lower-cased,
 * parameter names case-insensitive, values unquoted (backslash escapes resolved).
 */
public record MediaTypeParameters(String baseType, Map<String, String> parameters) {

    /** The value of parameter {@code name}, or null. */
    public String get(String name) {
        return parameters.get(name);
    }

    public static MediaTypeParameters parse(String header) throws MalformedMultipartException {
        if (header == null || header.isBlank()) {
            throw new MalformedMultipartException("no Content-Type");
        }
        int semicolon = header.indexOf(';');
        String base = (semicolon < 0 ? header : header.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        int slash = base.indexOf('/');
        if (slash <= 0 || slash == base.length() - 1) {
            throw new MalformedMultipartException("media type '" + base + "' is not type/subtype");
        }
        Map<String, String> params = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        int i = semicolon < 0 ? header.length() : semicolon + 1;
        while (i < header.length()) {
            int eq = header.indexOf('=', i);
            if (eq < 0) {
                if (header.substring(i).isBlank()) {
                    break; // a trailing ';'
                }
                throw new MalformedMultipartException("parameter without '=' in Content-Type: " + header.substring(i).strip());
            }
            String name = header.substring(i, eq).strip();
            if (name.isEmpty()) {
                throw new MalformedMultipartException("parameter without a name in Content-Type");
            }
            StringBuilder value = new StringBuilder();
            int j = eq + 1;
            while (j < header.length() && header.charAt(j) == ' ') {
                j++;
            }
            if (j < header.length() && header.charAt(j) == '"') {
                j++;
                boolean closed = false;
                while (j < header.length()) {
                    char c = header.charAt(j++);
                    if (c == '\\' && j < header.length()) {
                        value.append(header.charAt(j++));
                    } else if (c == '"') {
                        closed = true;
                        break;
                    } else {
                        value.append(c);
                    }
                }
                if (!closed) {
                    throw new MalformedMultipartException("unterminated quoted value of parameter " + name);
                }
                while (j < header.length() && header.charAt(j) != ';') {
                    if (header.charAt(j) != ' ') {
                        throw new MalformedMultipartException("text after the quoted value of parameter " + name);
                    }
                    j++;
                }
            } else {
                int end = header.indexOf(';', j);
                value.append(header, j, end < 0 ? header.length() : end);
                j = end < 0 ? header.length() : end;
            }
            params.put(name, value.toString().strip());
            i = j + 1;
        }
        return new MediaTypeParameters(base, params);
    }
}
