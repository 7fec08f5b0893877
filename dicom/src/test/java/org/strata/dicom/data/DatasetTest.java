package org.strata.dicom.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.strata.dicom.dict.Tags;

class DatasetTest {

    @Test
    void elementsStayOrderedByUnsignedTag() {
        Dataset ds = new Dataset();
        ds.setString(Tags.PatientID, VR.LO, "ID1");
        ds.setBytes(Tags.PixelData, VR.OW, new byte[4]);
        ds.setBytes(0xFFFAFFFA, VR.OB, new byte[0]);
        ds.setString(Tags.Modality, VR.CS, "CT");
        assertArrayEquals(new int[] {Tags.Modality, Tags.PatientID, Tags.PixelData, 0xFFFAFFFA}, ds.tags());
        ds.remove(Tags.PatientID);
        assertArrayEquals(new int[] {Tags.Modality, Tags.PixelData, 0xFFFAFFFA}, ds.tags());
    }

    @Test
    void textValuesSplitAndTrimPerVr() {
        Dataset ds = new Dataset();
        ds.put(Tags.ImageType, VR.CS, "ORIGINAL\\PRIMARY \\ AXIAL ".getBytes(StandardCharsets.US_ASCII));
        ds.put(Tags.SOPInstanceUID, VR.UI, "1.2.3\0".getBytes(StandardCharsets.US_ASCII));
        ds.put(Tags.ImageComments, VR.LT, "  keep\\leading ".getBytes(StandardCharsets.US_ASCII));
        assertArrayEquals(new String[] {"ORIGINAL", "PRIMARY", "AXIAL"}, ds.getStrings(Tags.ImageType));
        assertEquals("1.2.3", ds.getString(Tags.SOPInstanceUID));
        assertEquals("  keep\\leading", ds.getString(Tags.ImageComments));
        assertNull(ds.getString(Tags.PatientName));
        assertEquals("none", ds.getString(Tags.PatientName, "none"));
    }

    @Test
    void binaryNumbersAreLittleEndianAndTyped() {
        Dataset ds = new Dataset();
        ds.setInt(Tags.Rows, 512);
        ds.setInt(Tags.SmallestImagePixelValue, VR.SS, -2000);
        ds.setLong(Tags.SimpleFrameList, VR.UL, 4000000000L, 1);
        ds.setDouble(Tags.PixelSpacing, VR.DS, 0.5, 0.25);
        ds.setDouble(Tags.RealWorldValueFirstValueMapped, VR.FD, 1.5);
        assertArrayEquals(new byte[] {0, 2}, ds.getBytes(Tags.Rows));
        assertEquals(512, ds.getInt(Tags.Rows, -1));
        assertEquals(-2000, ds.getInt(Tags.SmallestImagePixelValue, 0));
        assertArrayEquals(new long[] {4000000000L, 1}, ds.getLongs(Tags.SimpleFrameList));
        assertArrayEquals(new double[] {0.5, 0.25}, ds.getDoubles(Tags.PixelSpacing));
        assertEquals("0.5", ds.getStrings(Tags.PixelSpacing)[0]);
        assertEquals(1.5, ds.getDouble(Tags.RealWorldValueFirstValueMapped, 0));
        assertEquals("512", ds.getString(Tags.Rows));
        assertEquals(7, ds.getInt(Tags.Columns, 7));
    }

    @Test
    void integerStringsParseAndBadOnesGiveTheDefault() {
        Dataset ds = new Dataset();
        ds.setString(Tags.InstanceNumber, VR.IS, " +12 ");
        ds.setString(Tags.SeriesNumber, VR.IS, "x1");
        assertEquals(12, ds.getInt(Tags.InstanceNumber, 0));
        assertEquals(-1, ds.getInt(Tags.SeriesNumber, -1));
    }

    @Test
    void attributeTags() {
        Dataset ds = new Dataset();
        ds.setTag(Tags.FrameIncrementPointer, Tags.FrameTime);
        assertArrayEquals(new byte[] {0x18, 0x00, 0x63, 0x10}, ds.getBytes(Tags.FrameIncrementPointer));
        assertEquals(Tags.FrameTime, ds.getTag(Tags.FrameIncrementPointer, 0));
        assertEquals("00181063", ds.getString(Tags.FrameIncrementPointer));
    }

    @Test
    void datesTimesAndDateTimes() {
        Dataset ds = new Dataset();
        ds.setString(Tags.StudyDate, VR.DA, "20240229");
        ds.setString(Tags.StudyTime, VR.TM, "1305");
        ds.setString(Tags.AcquisitionDateTime, VR.DT, "20240229130501.123-0500");
        ds.setString(Tags.ContentDate, VR.DA, "2024.02.29");
        ds.setString(Tags.PatientBirthDate, VR.DA, "20241301");
        assertEquals(LocalDate.of(2024, 2, 29), ds.getDate(Tags.StudyDate));
        assertEquals(LocalDate.of(2024, 2, 29), ds.getDate(Tags.ContentDate));
        assertNull(ds.getDate(Tags.PatientBirthDate));
        assertEquals(LocalTime.of(13, 5), ds.getTime(Tags.StudyTime));
        DateTimes.DateTime dt = ds.getDateTime(Tags.AcquisitionDateTime);
        assertEquals(LocalDateTime.of(2024, 2, 29, 13, 5, 1, 123_000_000), dt.local());
        assertEquals(ZoneOffset.ofHours(-5), dt.offset());
    }

    @Test
    void dateTimeWithoutOffsetTakesTheDatasetTimezone() {
        Dataset ds = new Dataset();
        ds.setString(Tags.TimezoneOffsetFromUTC, VR.SH, "+0100");
        Dataset item = ds.newSequence(Tags.ReferencedImageSequence).addItem();
        item.setString(Tags.AcquisitionDateTime, VR.DT, "2020");
        DateTimes.DateTime dt = item.getDateTime(Tags.AcquisitionDateTime);
        assertEquals(LocalDateTime.of(2020, 1, 1, 0, 0), dt.local());
        assertEquals(ZoneOffset.ofHours(1), dt.offset());
    }

    @Test
    void personNameGroups() {
        Dataset ds = new Dataset();
        ds.setString(Tags.PatientName, VR.PN, "Yamada^Tarou=山田^太郎=やまだ^たろう");
        PersonName pn = ds.getPersonName(Tags.PatientName);
        assertEquals("Yamada", pn.alphabetic().family());
        assertEquals("太郎", pn.ideographic().given());
        assertEquals("やまだ", pn.phonetic().family());
        assertEquals("Yamada^Tarou=山田^太郎=やまだ^たろう", pn.toString());
        assertEquals("Smith^John^^Dr", PersonName.parse("Smith^John^^Dr^").toString());
    }

    @Test
    void privateElementsResolveThroughTheirCreator() {
        Dataset ds = new Dataset();
        ds.setString(0x00090010, VR.LO, "OTHER");
        int tag = ds.privateTag("ACME 1", 0x0009, 0x02, true);
        assertEquals(0x00091102, tag);
        ds.setString(tag, VR.SH, "x");
        assertEquals("ACME 1", ds.privateCreatorOf(tag));
        assertEquals(tag, ds.privateTag("ACME 1", 0x0009, 0x02, false));
        assertEquals(-1, ds.privateTag("ACME 2", 0x0009, 0x02, false));
    }

    @Test
    void sequencesInheritTheCharacterSet() {
        Dataset ds = new Dataset();
        ds.setString(Tags.SpecificCharacterSet, VR.CS, "ISO_IR 100");
        Dataset item = ds.newSequence(Tags.ReferencedStudySequence).addItem();
        item.put(Tags.PatientName, VR.PN, new byte[] {'M', (byte) 0xFC, 'l', 'l', 'e', 'r'});
        assertEquals("Müller", item.getString(Tags.PatientName));
        ds.setString(Tags.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        assertArrayEquals("Müller".getBytes(StandardCharsets.UTF_8), item.encodeText(VR.PN, "Müller"));
    }

    @Test
    void equalityComparesDecodedTextAndBytes() {
        Dataset a = new Dataset();
        a.setString(Tags.PatientID, VR.LO, "ABC");
        Dataset b = new Dataset();
        b.put(Tags.PatientID, VR.LO, "ABC ".getBytes(StandardCharsets.US_ASCII));
        assertEquals(a, b);
        b.setString(Tags.PatientID, VR.LO, "ABD");
        assertNotEquals(a, b);
    }

    @Test
    void settersRefuseWhatTheyCannotEncode() {
        Dataset ds = new Dataset();
        assertThrows(IllegalArgumentException.class, () -> ds.setString(0x00091001, "x"));
        assertThrows(IllegalArgumentException.class, () -> ds.setDouble(Tags.Rows, VR.US, 1.5));
        assertThrows(IllegalArgumentException.class, () -> ds.put(Tags.Rows, VR.US, 5));
    }
}
