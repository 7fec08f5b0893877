package org.strata.dicom.dict;

import java.util.HashMap;
import java.util.Map;

/** Registered UIDs of PS3.6 Annex A: name, type ("Transfer Syntax", "SOP Class"...), keyword, retired. */
public final class UidDictionary {

    /** One registered UID. */
    public record Entry(String uid, String keyword, String type, boolean retired, String name) {
    }

    private UidDictionary() {
    }

    private static final class Holder {
        static final Map<String, Entry> BY_UID = new HashMap<>(1024);

        static {
            for (String[] row : ElementDictionary.readTsv("uids.tsv")) {
                BY_UID.put(row[0], new Entry(row[0], row[1], row[2], "R".equals(row[3]), row[4]));
            }
        }
    }

    /** The entry of a UID, or null if it is not registered. */
    public static Entry lookup(String uid) {
        return uid == null ? null : Holder.BY_UID.get(uid);
    }

    /** Name of a UID, or the UID itself if it is not registered. */
    public static String nameOf(String uid) {
        Entry e = lookup(uid);
        return e == null ? uid : e.name();
    }

    /** Type of a UID (e.g. "SOP Class"), or "" if it is not registered. */
    public static String typeOf(String uid) {
        Entry e = lookup(uid);
        return e == null ? "" : e.type();
    }
}
