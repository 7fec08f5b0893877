package org.strata.dicom.json;

import org.strata.dicom.data.Dataset;
import org.strata.dicom.data.Fragments;
import org.strata.dicom.data.Sequence;
import org.strata.dicom.data.VR;

/** A hand-built data set exercising every value shape the JSON and XML models distinguish. */
public final class SampleDatasets {

    private SampleDatasets() {
    }

    public static Dataset everyValueShape() {
        Dataset ds = new Dataset();
        ds.put(0x00080005, VR.CS, "ISO_IR 192");
        ds.put(0x00080008, VR.CS, "ORIGINAL\\\\AXIAL"); // an empty value in the middle
        ds.put(0x00080020, VR.DA, "20240131");
        ds.put(0x00080030, VR.TM, null); // present but empty
        ds.put(0x00081030, VR.LO, "Étude \"cérébrale\" <IRM> & co");
        ds.put(0x00100010, VR.PN, "Yamada^Tarou=山田^太郎=やまだ^たろう\\Doe^^Middle^Dr\\=Only^Ideographic");
        ds.put(0x00100020, VR.LO, "ID\\\\with\\\\escapes");
        ds.put(0x00101010, VR.AS, "042Y");
        ds.put(0x00101020, VR.DS, "1.75\\-0.5\\1e3\\2.50");
        ds.put(0x00180088, VR.DS, "");
        ds.put(0x00200013, VR.IS, "-12\\0\\7");
        ds.put(0x00204000, VR.LT, "line one\r\nline two\\ with backslash\ttab");
        ds.put(0x00280010, VR.US, new byte[] {0x00, 0x02});
        ds.put(0x00280106, VR.SS, new byte[] {(byte) 0x00, (byte) 0x80, 0x01, 0x00});
        ds.put(0x00189219, VR.FD, le64(Double.doubleToLongBits(0.1), Double.doubleToLongBits(-2.5e-300)));
        ds.put(0x00186028, VR.FL, le32(Float.floatToIntBits(0.1f), Float.floatToIntBits(Float.NaN)));
        ds.put(0x00209165, VR.AT, new byte[] {0x10, 0x00, 0x20, 0x00, (byte) 0xE0, 0x7F, 0x10, 0x00});
        ds.put(0x00091010, VR.UL, le32(0xFFFFFFFF, 7));
        ds.put(0x0009100F, VR.SL, le32(Integer.MIN_VALUE));
        ds.put(0x00091011, VR.SV, le64(Long.MIN_VALUE, -1));
        ds.put(0x00091012, VR.UV, le64(-1L, 5));
        ds.put(0x00090010, VR.LO, "STRATA TEST");
        ds.put(0x00091013, VR.UN, new byte[] {1, 2, 3});
        ds.put(0x00420011, VR.OB, new byte[] {0, 1, 2, (byte) 0xFF, 4});
        ds.put(0x00283006, VR.OW, new byte[] {1, 0, 2, 0});
        ds.put(0x00660016, VR.OF, le32(Float.floatToIntBits(1.5f)));
        ds.put(0x00720001, VR.UR, "http://example.com/a b");
        ds.put(0x0040A160, VR.UT, "x".repeat(70) + "\u00e9 ");
        Sequence outer = ds.newSequence(0x00081115);
        Dataset first = outer.addItem();
        first.put(0x00081150, VR.UI, "1.2.840.10008.5.1.4.1.1.2");
        Sequence inner = first.newSequence(0x00081199);
        inner.addItem().put(0x00081155, VR.UI, "1.2.3.4");
        inner.addItem();
        outer.addItem();
        ds.newSequence(0x00082112); // empty sequence
        Fragments fragments = new Fragments().add(new byte[] {0, 0, 0, 0}).add(new byte[] {1, 2, 3, 4})
                .add(new byte[] {5, 6});
        ds.put(0x7FE00010, VR.OB, fragments);
        return ds;
    }

    static byte[] le32(int... values) {
        byte[] b = new byte[4 * values.length];
        for (int i = 0; i < values.length; i++) {
            for (int k = 0; k < 4; k++) {
                b[4 * i + k] = (byte) (values[i] >>> (8 * k));
            }
        }
        return b;
    }

    static byte[] le64(long... values) {
        byte[] b = new byte[8 * values.length];
        for (int i = 0; i < values.length; i++) {
            for (int k = 0; k < 8; k++) {
                b[8 * i + k] = (byte) (values[i] >>> (8 * k));
            }
        }
        return b;
    }
}
