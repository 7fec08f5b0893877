package org.strata.dicom.data;

/**
 * A PN value (PS3.5 §6.2.1): up to three component groups (alphabetic, ideographic, phonetic) separated
 * by {@code =}, each with up to five components (family, given, middle, prefix, suffix) separated by {@code ^}.
 */
public record PersonName(ComponentGroup alphabetic, ComponentGroup ideographic, ComponentGroup phonetic) {

    /** One component group; absent components are empty strings. */
    public record ComponentGroup(String family, String given, String middle, String prefix, String suffix) {
        /** An all-empty group. */
        public static final ComponentGroup EMPTY = new ComponentGroup("", "", "", "", "");

        /** Parses "Family^Given^Middle^Prefix^Suffix" (extra components beyond five stay in the suffix). */
        public static ComponentGroup parse(String text) {
            String[] c = text.split("\\^", 5);
            return new ComponentGroup(part(c, 0), part(c, 1), part(c, 2), part(c, 3), part(c, 4));
        }

        private static String part(String[] c, int i) {
            return i < c.length ? c[i].strip() : "";
        }

        /** True if every component is empty. */
        public boolean isEmpty() {
            return family.isEmpty() && given.isEmpty() && middle.isEmpty() && prefix.isEmpty() && suffix.isEmpty();
        }

        /** The DICOM form, trailing empty components dropped. */
        @Override
        public String toString() {
            String[] c = {family, given, middle, prefix, suffix};
            int n = c.length;
            while (n > 0 && c[n - 1].isEmpty()) {
                n--;
            }
            return String.join("^", java.util.Arrays.copyOf(c, n));
        }
    }

    /** Parses one PN value (no backslash). */
    public static PersonName parse(String text) {
        String[] g = text.split("=", 3);
        return new PersonName(ComponentGroup.parse(g[0]),
                g.length > 1 ? ComponentGroup.parse(g[1]) : ComponentGroup.EMPTY,
                g.length > 2 ? ComponentGroup.parse(g[2]) : ComponentGroup.EMPTY);
    }

    /** The DICOM form, trailing empty groups dropped. */
    @Override
    public String toString() {
        String a = alphabetic.toString();
        String i = ideographic.toString();
        String p = phonetic.toString();
        if (!p.isEmpty()) {
            return a + "=" + i + "=" + p;
        }
        return i.isEmpty() ? a : a + "=" + i;
    }
}
