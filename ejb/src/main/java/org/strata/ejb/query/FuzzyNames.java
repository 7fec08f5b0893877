package org.strata.ejb.query;

import java.text.Normalizer;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Fuzzy person-name matching: a name is reduced to the Soundex codes of the words of its alphabetic group (every
 * component: family, given, middle, prefix, suffix; accents and case ignored), so "Müller^Hans" and "MULLER^HANZ"
 * agree. The index keeps the codes of the patient name as " C1 C2 ... " (sorted, unique, space around each); a
 * query name matches when every code of its words is among them, in any order and component.
 *
 * <p>Soundex, as the US National Archives describe it: keep the first letter, code the others (B F P V = 1,
 * C G J K Q S X Z = 2, D T = 3, L = 4, M N = 5, R = 6; vowels, Y, H and W have no code), drop a code equal to the
 * one before it (H and W do not separate equal codes, vowels do), and cut or pad with zeros to four characters.
 */
public final class FuzzyNames {
    /** Longest key string the index column holds. */
    public static final int MAX_LENGTH = 400;

    private FuzzyNames() {
    }

    /** The index's phonetic keys of a person name value, or null if it has no letters. */
    public static String keysOf(String personName) {
        TreeSet<String> codes = codesOf(personName);
        if (codes.isEmpty()) {
            return null;
        }
        String keys = " " + String.join(" ", codes) + " ";
        return keys.length() <= MAX_LENGTH ? keys : keys.substring(0, keys.lastIndexOf(' ', MAX_LENGTH - 1) + 1);
    }

    /** The Soundex codes of the words of a name's alphabetic group, sorted and unique. */
    static TreeSet<String> codesOf(String personName) {
        TreeSet<String> codes = new TreeSet<>();
        if (personName == null) {
            return codes;
        }
        String alphabetic = personName.split("=", -1)[0];
        for (String word : plainLetters(alphabetic).split("[^A-Z]+")) {
            if (!word.isEmpty()) {
                codes.add(soundex(word));
            }
        }
        return codes;
    }

    /** Upper case, accents removed (é to E); letters outside A-Z later separate words. */
    private static String plainLetters(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toUpperCase(Locale.ROOT);
    }

    /** Soundex of a word of letters A-Z. */
    static String soundex(String word) {
        StringBuilder code = new StringBuilder(4).append(word.charAt(0));
        char previous = digit(word.charAt(0));
        for (int i = 1; i < word.length() && code.length() < 4; i++) {
            char c = word.charAt(i);
            char d = digit(c);
            if (d != '0' && d != previous) {
                code.append(d);
            }
            if (c != 'H' && c != 'W') {
                previous = d;
            }
        }
        while (code.length() < 4) {
            code.append('0');
        }
        return code.toString();
    }

    private static char digit(char letter) {
        return switch (letter) {
            case 'B', 'F', 'P', 'V' -> '1';
            case 'C', 'G', 'J', 'K', 'Q', 'S', 'X', 'Z' -> '2';
            case 'D', 'T' -> '3';
            case 'L' -> '4';
            case 'M', 'N' -> '5';
            case 'R' -> '6';
            default -> '0';
        };
    }
}
