package org.strata.dicom.testsupport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.data.Sequence;

/** Says where two data sets differ, for assertion messages. */
public final class DatasetDiff {

    private DatasetDiff() {
    }

    /** Up to ten differences as "path: expected ... / actual ..." lines; empty if equal. */
    public static List<String> differences(Dataset expected, Dataset actual) {
        List<String> out = new ArrayList<>();
        collect("", expected, actual, out);
        return out.subList(0, Math.min(10, out.size()));
    }

    private static void collect(String path, Dataset expected, Dataset actual, List<String> out) {
        for (int tag : union(expected.tags(), actual.tags())) {
            String where = path + String.format("%08X", tag);
            if (!expected.contains(tag) || !actual.contains(tag)) {
                out.add(where + ": present only in " + (expected.contains(tag) ? "expected" : "actual"));
            } else if (expected.vr(tag) != actual.vr(tag)) {
                out.add(where + ": VR " + expected.vr(tag) + " / " + actual.vr(tag));
            } else if (expected.get(tag) instanceof Sequence a && actual.get(tag) instanceof Sequence b) {
                if (a.size() != b.size()) {
                    out.add(where + ": " + a.size() + " / " + b.size() + " items");
                } else {
                    for (int i = 0; i < a.size(); i++) {
                        collect(where + "/" + i + "/", a.get(i), b.get(i), out);
                    }
                }
            } else if (!equalValues(expected, actual, tag)) {
                out.add(where + ": " + describe(expected, tag) + " / " + describe(actual, tag));
            }
        }
    }

    /** Text compares decoded in place (its character set is the enclosing data set's); the rest on its own. */
    private static boolean equalValues(Dataset expected, Dataset actual, int tag) {
        if (expected.vr(tag).isText()) {
            return Arrays.equals(expected.getStrings(tag), actual.getStrings(tag));
        }
        Dataset one = new Dataset();
        Dataset other = new Dataset();
        one.put(tag, expected.vr(tag), expected.get(tag));
        other.put(tag, actual.vr(tag), actual.get(tag));
        return one.equals(other);
    }

    private static String describe(Dataset dataset, int tag) {
        Object value = dataset.get(tag);
        if (value instanceof byte[] bytes && !dataset.vr(tag).isText()) {
            return bytes.length + " bytes " + Arrays.toString(Arrays.copyOf(bytes, Math.min(16, bytes.length)));
        }
        return value == null ? "null" : Arrays.toString(dataset.getStrings(tag)) + " (" + value.getClass().getSimpleName() + ")";
    }

    private static int[] union(int[] a, int[] b) {
        return java.util.stream.IntStream.concat(Arrays.stream(a), Arrays.stream(b)).distinct()
                .boxed().sorted(Integer::compareUnsigned).mapToInt(Integer::intValue).toArray();
    }
}
