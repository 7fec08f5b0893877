package org.strata.dicom.charset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecificCharacterSetTest {

    private static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    @Test
    void singleByteSetsUseTheirIsoTables() {
        assertEquals("Müller", SpecificCharacterSet.of("ISO_IR 100").decode(bytes('M', 0xFC, 'l', 'l', 'e', 'r')));
        assertEquals("Буквы", SpecificCharacterSet.of("ISO_IR 144").decode("Буквы".getBytes(Charset.forName("ISO-8859-5"))));
        assertEquals("שרון", SpecificCharacterSet.of("ISO_IR 138").decode("שרון".getBytes(Charset.forName("ISO-8859-8"))));
        assertEquals("Διονυσιος", SpecificCharacterSet.of("ISO_IR 126").decode("Διονυσιος".getBytes(Charset.forName("ISO-8859-7"))));
        assertEquals("€", SpecificCharacterSet.of("ISO_IR 203").decode(bytes(0xA4)));
        assertEquals("ก", SpecificCharacterSet.of("ISO_IR 166").decode(bytes(0xA1)));
    }

    @Test
    void unicodeAndChineseSets() {
        String text = "Wang^XiaoDong=王^小東";
        assertEquals(text, SpecificCharacterSet.of("ISO_IR 192").decode(text.getBytes(StandardCharsets.UTF_8)));
        assertEquals(text, SpecificCharacterSet.of("GB18030").decode(text.getBytes(Charset.forName("GB18030"))));
        assertArrayEquals(text.getBytes(Charset.forName("GBK")), SpecificCharacterSet.of("GBK").encode(text, true));
    }

    @Test
    void iso2022JapaneseSwitchesAndResetsAtPersonNameDelimiters() {
        // PS3.5 Annex H example: Yamada^Tarou=山田^太郎=やまだ^たろう with ISO 2022 IR 87.
        byte[] encoded = bytes(
                'Y', 'a', 'm', 'a', 'd', 'a', '^', 'T', 'a', 'r', 'o', 'u', '=',
                0x1B, 0x24, 0x42, 0x3B, 0x33, 0x45, 0x44, 0x1B, 0x28, 0x42, '^',
                0x1B, 0x24, 0x42, 0x42, 0x40, 0x4F, 0x3A, 0x1B, 0x28, 0x42, '=',
                0x1B, 0x24, 0x42, 0x24, 0x64, 0x24, 0x5E, 0x24, 0x40, 0x1B, 0x28, 0x42, '^',
                0x1B, 0x24, 0x42, 0x24, 0x3F, 0x24, 0x6D, 0x24, 0x26, 0x1B, 0x28, 0x42);
        SpecificCharacterSet cs = SpecificCharacterSet.of("", "ISO 2022 IR 87");
        String text = "Yamada^Tarou=山田^太郎=やまだ^たろう";
        assertEquals(text, cs.decode(encoded, 0, encoded.length, true));
        assertArrayEquals(encoded, cs.encode(text, true));
    }

    @Test
    void iso2022KoreanUsesG1WithoutLeavingAscii() {
        // PS3.5 Annex I example: Hong^Gildong=洪^吉洞=홍^길동 with ISO 2022 IR 149.
        SpecificCharacterSet cs = SpecificCharacterSet.of("", "ISO 2022 IR 149");
        String text = "Hong^Gildong=洪^吉洞=홍^길동";
        byte[] encoded = cs.encode(text, true);
        assertEquals(0x1B, encoded[13]);
        assertEquals(text, cs.decode(encoded, 0, encoded.length, true));
        byte[] ksx = "洪".getBytes(Charset.forName("EUC-KR"));
        assertArrayEquals(new byte[] {0x1B, 0x24, 0x29, 0x43, ksx[0], ksx[1]}, java.util.Arrays.copyOfRange(encoded, 13, 19));
    }

    @Test
    void katakanaAndRomanOfIsoIr13() {
        SpecificCharacterSet cs = SpecificCharacterSet.of("ISO 2022 IR 13", "ISO 2022 IR 87");
        assertEquals("ﾔﾏﾀﾞ^ﾀﾛｳ", cs.decode(bytes(0xD4, 0xCF, 0xC0, 0xDE, '^', 0xC0, 0xDB, 0xB3), 0, 8, true));
    }

    @Test
    void latin1ExtensionInIso2022() {
        SpecificCharacterSet cs = SpecificCharacterSet.of("ISO 2022 IR 100");
        assertEquals("Müller", cs.decode(bytes('M', 0xFC, 'l', 'l', 'e', 'r')));
    }

    @Test
    void unknownTermsAreReportedAndAsciiStillWorks() {
        SpecificCharacterSet cs = SpecificCharacterSet.of("ISO_IR 999");
        assertEquals(List.of("ISO_IR 999"), cs.unknownTerms());
        assertEquals("ABC", cs.decode(bytes('A', 'B', 'C')));
        assertTrue(SpecificCharacterSet.of("ISO_IR 100").unknownTerms().isEmpty());
    }

    @Test
    void defaultRepertoireDecodesStrayHighBytesAsLatin1AndHonoursUndeclaredEscapes() {
        assertEquals("\u00E9A", SpecificCharacterSet.DEFAULT.decode(bytes(0xE9, 0x41)));
        // ISO 2022 escapes in a data set that did not declare them: switch anyway rather than fail.
        assertEquals("\u5C71", SpecificCharacterSet.DEFAULT.decode(bytes(0x1B, 0x24, 0x42, 0x3B, 0x33)));
        assertEquals("a?", new String(SpecificCharacterSet.DEFAULT.encode("a\u5C71"), StandardCharsets.US_ASCII));
    }

    @Test
    void unencodableCharactersBecomeQuestionMarks() {
        assertArrayEquals(bytes('a', '?'), SpecificCharacterSet.of("ISO_IR 100").encode("a山"));
    }
}
