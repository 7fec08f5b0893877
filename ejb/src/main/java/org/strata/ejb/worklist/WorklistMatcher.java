package org.strata.ejb.worklist;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.data.Sequence;
import org.strata.dicom.data.VR;
import org.strata.dicom.dict.Tags;
import org.strata.ejb.query.DateTimeRange;
import org.strata.ejb.query.KeyMatch;

/**
 * Matches the keys of a Modality Worklist query against a stored worklist item (PS3.4 K.6.1.2 with the matching of
 * C.2.2.2): single value, UID list, wildcard, date/time ranges, a date and its time as one date-time range, and
 * sequence matching (an item of the stored sequence must match every key of the query's item). Text keys of binary
 * VRs are not matched. Then builds the response: the query's keys with the item's values, nested sequences too.
 */
final class WorklistMatcher {
    /** A date key and its time key: both given, at least one a range, they match as one date-time range. */
    private static final int[][] DATE_TIME_PAIRS = {
        {Tags.ScheduledProcedureStepStartDate, Tags.ScheduledProcedureStepStartTime},
        {Tags.ScheduledProcedureStepEndDate, Tags.ScheduledProcedureStepEndTime},
        {Tags.StudyDate, Tags.StudyTime}};

    private final boolean caseInsensitiveNames;

    WorklistMatcher(boolean caseInsensitiveNames) {
        this.caseInsensitiveNames = caseInsensitiveNames;
    }

    /** Whether the item matches every key. */
    boolean matches(Dataset keys, Dataset item) {
        Set<Integer> combined = new HashSet<>();
        for (int[] pair : DATE_TIME_PAIRS) {
            DateTimeRange range = DateTimeRange.of(keys.getString(pair[0]), keys.getString(pair[1]));
            if (range != null) {
                if (!range.matches(item.getString(pair[0]), item.getString(pair[1]))) {
                    return false;
                }
                combined.add(pair[0]);
                combined.add(pair[1]);
            }
        }
        for (int tag : keys.tags()) {
            VR vr = keys.vr(tag);
            if (isControl(tag) || combined.contains(tag)) {
                continue;
            }
            boolean matches = vr == VR.SQ ? matchesSequence(keys.getSequence(tag), item.getSequence(tag))
                    : !vr.isText() || matchesValue(vr, keys, tag, item);
            if (!matches) {
                return false;
            }
        }
        return true;
    }

    /** An empty key sequence (or one empty item) is universal; a stored sequence that is absent is an empty item. */
    private boolean matchesSequence(Sequence keys, Sequence stored) {
        if (keys == null || keys.isEmpty() || keys.get(0).isEmpty()) {
            return true;
        }
        if (stored == null || stored.isEmpty()) {
            return matches(keys.get(0), new Dataset());
        }
        return stored.stream().anyMatch(item -> matches(keys.get(0), item));
    }

    /** Any value of a multi-valued attribute may match. */
    private boolean matchesValue(VR vr, Dataset keys, int tag, Dataset item) {
        boolean fold = vr == VR.PN && caseInsensitiveNames;
        String key = keys.getString(tag);
        if (fold && key != null) {
            key = key.toUpperCase(Locale.ROOT);
        }
        KeyMatch match = switch (vr) {
            case UI -> KeyMatch.uids(keys.getStrings(tag));
            case DA -> KeyMatch.dateOrTime(key, false);
            case TM, DT -> KeyMatch.dateOrTime(key, true);
            default -> KeyMatch.text(key);
        };
        if (match instanceof KeyMatch.Universal) {
            return true;
        }
        for (String value : item.getStrings(tag)) {
            if (match.matches(fold ? value.toUpperCase(Locale.ROOT) : value)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The response to a matching item: each key with the item's value (empty when the item lacks it); a sequence key
     * with an item returns the stored items that match it, reduced to its keys; an empty one returns them whole.
     * Text that is not ASCII is answered in UTF-8 (ISO_IR 192).
     */
    Dataset response(Dataset keys, Dataset item) {
        Dataset response = new Dataset();
        copyRequested(keys, item, response);
        if (!isAscii(response)) {
            response.setString(Tags.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        }
        return response;
    }

    private void copyRequested(Dataset keys, Dataset item, Dataset response) {
        for (int tag : keys.tags()) {
            if (isControl(tag)) {
                continue;
            }
            Sequence stored = item.getSequence(tag);
            if (keys.vr(tag) != VR.SQ || stored == null) {
                copyValue(item, tag, keys.vr(tag), response);
                continue;
            }
            Sequence keyItems = keys.getSequence(tag);
            Dataset keyItem = keyItems == null || keyItems.isEmpty() ? new Dataset() : keyItems.get(0);
            Sequence out = response.newSequence(tag);
            for (Dataset storedItem : stored) {
                if (keyItem.isEmpty()) {
                    copyAll(storedItem, out.addItem());
                } else if (matches(keyItem, storedItem)) {
                    copyRequested(keyItem, storedItem, out.addItem());
                }
            }
        }
    }

    private static void copyAll(Dataset from, Dataset to) {
        for (int tag : from.tags()) {
            Sequence items = from.getSequence(tag);
            if (isControl(tag)) {
                continue;
            }
            if (items == null) {
                copyValue(from, tag, from.vr(tag), to);
                continue;
            }
            Sequence out = to.newSequence(tag);
            for (Dataset item : items) {
                copyAll(item, out.addItem());
            }
        }
    }

    /** Text is copied as text, so it is encoded in the response's character set; other values as they are. */
    private static void copyValue(Dataset from, int tag, VR requested, Dataset to) {
        VR vr = from.contains(tag) ? from.vr(tag) : requested;
        if (vr.isText()) {
            to.setString(tag, vr, from.getStrings(tag));
        } else {
            to.put(tag, vr, vr == VR.SQ ? null : from.get(tag));
        }
    }

    private static boolean isAscii(Dataset dataset) {
        for (int tag : dataset.tags()) {
            VR vr = dataset.vr(tag);
            Sequence items = dataset.getSequence(tag);
            if (items != null) {
                if (!items.stream().allMatch(WorklistMatcher::isAscii)) {
                    return false;
                }
            } else if (vr.isText()) {
                for (String value : dataset.getStrings(tag)) {
                    if (!value.chars().allMatch(c -> c < 0x80)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** Group lengths and the Specific Character Set are no keys. */
    private static boolean isControl(int tag) {
        return (tag & 0xFFFF) == 0 || tag == Tags.SpecificCharacterSet;
    }
}
