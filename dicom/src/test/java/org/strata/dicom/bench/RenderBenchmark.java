package org.strata.dicom.bench;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import org.strata.dicom.image.FrameRenderer;
import org.strata.dicom.image.Viewport;
import org.strata.dicom.io.DicomFile;
import org.strata.dicom.io.Part10;

/**
 * Rendering throughput of {@link FrameRenderer} on pydicom's files (read once, rendered from memory): a 16-bit
 * 360x360 grey image (dicom3tools' 0051.dcm) at its size and as a 128-pixel thumbnail, a 512x512 8-bit one, an RLE
 * MR and a baseline JPEG colour image. Its "MB/s" column counts output megapixels.
 * <pre>cd dicom &amp;&amp; mvn -o -q test-compile &amp;&amp; java -cp target/classes:target/test-classes
 * org.strata.dicom.bench.RenderBenchmark [SECONDS]</pre>
 */
public final class RenderBenchmark {
    private static final Path TEST_FILES = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");

    private RenderBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        render("0051.dcm 360x360 16-bit", Path.of("/usr/share/doc/dicom3tools/examples/0051.dcm"), null, seconds);
        render("0051.dcm thumbnail 128", Path.of("/usr/share/doc/dicom3tools/examples/0051.dcm"),
                new Viewport(128, 128), seconds);
        render("image_dfl.dcm 512x512 8-bit", TEST_FILES.resolve("image_dfl.dcm"), null, seconds);
        render("MR_small_RLE.dcm 64x64 RLE", TEST_FILES.resolve("MR_small_RLE.dcm"), null, seconds);
        render("SC_rgb_jpeg_dcmtk.dcm 100x100 JPEG", TEST_FILES.resolve("SC_rgb_jpeg_dcmtk.dcm"), null, seconds);
    }

    private static void render(String name, Path file, Viewport viewport, double seconds) throws IOException {
        DicomFile dicom = Part10.read(file);
        String syntax = dicom.transferSyntax().uid();
        BufferedImage first = FrameRenderer.render(dicom.dataset(), syntax, 0, null, viewport);
        long pixels = (long) first.getWidth() * first.getHeight();
        Throughput.measure(name, seconds, pixels, () -> {
            BufferedImage image = FrameRenderer.render(dicom.dataset(), syntax, 0, null, viewport);
            return image.getRGB(0, 0);
        });
    }
}
