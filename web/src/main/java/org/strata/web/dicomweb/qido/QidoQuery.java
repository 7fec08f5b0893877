package org.strata.web.dicomweb.qido;

import jakarta.ws.rs.core.MultivaluedMap;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.data.VR;
import org.strata.dicom.dict.ElementDictionary;
import org.strata.dicom.dict.Tags;
import org.strata.ejb.query.MatchableKeys;
import org.strata.web.dicomweb.DicomWebException;

/**
 * The query parameters of a QIDO-RS search (PS3.18 8.3.4) as a Study Root C-FIND identifier: match keys by keyword
 * or tag (8 hex digits; UIDs and modalities listed with commas), {@code includefield} (repeatable, comma lists,
 * {@code all}), {@code fuzzymatching}, {@code limit}, {@code offset} and {@code accept}. Anything else, a key whose
 * values the index cannot match, a key of a level below the search's, or an invalid value is refused with 400.
 */
final class QidoQuery {
    private static final Pattern TIME = Pattern.compile("\\d{2}(\\d{2}(\\d{2}(\\.\\d{1,6})?)?)?");
    private static final List<String> LEVELS = List.of("PATIENT", "STUDY", "SERIES", "IMAGE");

    final Dataset identifier = new Dataset();
    boolean fuzzy;
    boolean allAttributes;
    int offset;
    int limit = Integer.MAX_VALUE;
    /** includefield values that name no attribute: PS3.18 asks for a Warning, not a refusal. */
    final List<String> unsupportedIncludeFields = new ArrayList<>();

    /**
     * @param level the QueryRetrieveLevel of the search
     * @param returned the attributes returned by default at this resource (PS3.18 Table 10.6.3-3 and the like)
     * @param pinned the UIDs the resource's path gives, by tag
     */
    static QidoQuery parse(String level, int[] returned, Map<Integer, String> pinned,
            MultivaluedMap<String, String> parameters) {
        QidoQuery query = new QidoQuery();
        query.identifier.setString(Tags.QueryRetrieveLevel, VR.CS, level);
        for (int tag : returned) {
            query.identifier.put(tag, ElementDictionary.vrOf(tag), null);
        }
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            for (String value : parameter.getValue()) {
                query.add(parameter.getKey(), value, level);
            }
        }
        pinned.forEach((tag, uid) -> query.identifier.setString(tag, VR.UI, uid));
        return query;
    }

    private void add(String name, String value, String level) {
        switch (name) {
            case "includefield" -> {
                for (String field : value.split(",")) {
                    includeField(field.strip());
                }
            }
            case "fuzzymatching" -> fuzzy = bool(name, value);
            case "limit" -> limit = count(name, value, 1);
            case "offset" -> offset = count(name, value, 0);
            case "accept" -> { } // content negotiation: AcceptQueryParameter made it the Accept header
            default -> match(name, value, level);
        }
    }

    private void includeField(String field) {
        if (field.equals("all")) {
            allAttributes = true;
            return;
        }
        int tag = tagOf(field);
        if (tag == -1) {
            unsupportedIncludeFields.add(field);
        } else if (!identifier.contains(tag)) {
            identifier.put(tag, ElementDictionary.vrOf(tag), null);
        }
    }

    private void match(String name, String value, String level) {
        if (name.indexOf('.') >= 0) {
            throw DicomWebException.badRequest("matching within sequences is not supported: " + name);
        }
        int tag = tagOf(name);
        if (tag == -1) {
            throw DicomWebException.badRequest("unknown query parameter " + name
                    + " (neither an attribute keyword, a tag of 8 hex digits, nor a QIDO-RS parameter)");
        }
        VR vr = ElementDictionary.vrOf(tag);
        if (value.isEmpty()) {
            identifier.put(tag, vr, null); // universal matching: returned, not matched
            return;
        }
        String matchLevel = MatchableKeys.levelOf(tag);
        if (matchLevel == null) {
            throw DicomWebException.badRequest(name + " cannot be matched (the index has no column for it);"
                    + " includefield=" + name + " returns it");
        }
        if (LEVELS.indexOf(matchLevel) > LEVELS.indexOf(level)) {
            throw DicomWebException.badRequest(name + " is an attribute of the " + matchLevel.toLowerCase()
                    + " level, below this search's " + level.toLowerCase() + " level");
        }
        if (vr == VR.DA) {
            checkDateRange(name, value);
        } else if (vr == VR.TM) {
            checkTimeRange(name, value);
        }
        if (vr == VR.UI || tag == Tags.ModalitiesInStudy) {
            identifier.setString(tag, vr, value.split("[,\\\\]"));
        } else {
            identifier.setString(tag, vr, value);
        }
    }

    /** A keyword or 8 hex digits, or -1. */
    private static int tagOf(String name) {
        if (name.length() == 8 && name.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return (int) Long.parseLong(name, 16);
        }
        return ElementDictionary.tagOf(name);
    }

    private static void checkDateRange(String name, String value) {
        String[] ends = value.split("-", -1);
        if (ends.length > 2 || (ends.length == 2 && ends[0].isEmpty() && ends[1].isEmpty())) {
            throw DicomWebException.badRequest(name + " is not a date or date range YYYYMMDD-YYYYMMDD: " + value);
        }
        LocalDate[] dates = new LocalDate[ends.length];
        for (int i = 0; i < ends.length; i++) {
            if (!ends[i].isEmpty()) {
                try {
                    dates[i] = LocalDate.parse(ends[i], DateTimeFormatter.BASIC_ISO_DATE);
                } catch (DateTimeParseException e) {
                    throw DicomWebException.badRequest(name + " has an invalid date " + ends[i] + " (YYYYMMDD)");
                }
            }
        }
        if (dates.length == 2 && dates[0] != null && dates[1] != null && dates[0].isAfter(dates[1])) {
            throw DicomWebException.badRequest(name + " range ends before it starts: " + value);
        }
    }

    private static void checkTimeRange(String name, String value) {
        String[] ends = value.split("-", -1);
        if (ends.length > 2 || (ends.length == 2 && ends[0].isEmpty() && ends[1].isEmpty())) {
            throw DicomWebException.badRequest(name + " is not a time or time range HHMMSS-HHMMSS: " + value);
        }
        for (String end : ends) {
            if (!end.isEmpty() && !TIME.matcher(end).matches()) {
                throw DicomWebException.badRequest(name + " has an invalid time " + end + " (HH[MM[SS[.FFFFFF]]])");
            }
        }
    }

    private static boolean bool(String name, String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw DicomWebException.badRequest(name + " must be true or false, not " + value);
        };
    }

    private static int count(String name, String value, int least) {
        try {
            int n = Integer.parseInt(value);
            if (n >= least) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw DicomWebException.badRequest(name + " must be a whole number of at least " + least + ", not " + value);
    }
}
