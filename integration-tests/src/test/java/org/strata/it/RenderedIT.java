package org.strata.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.dict.Tags;
import org.strata.dicom.dict.UIDs;
import org.strata.dicom.dimse.FileSender;
import org.strata.dicom.io.DicomFile;
import org.strata.dicom.io.FileMetaInformation;
import org.strata.dicom.io.Part10;

/**
 * DICOMweb rendered images, thumbnails, frames and WADO-URI of instances stored over C-STORE, checked against the
 * reference tools: rendered PNGs equal DCMTK's {@code dcmj2pnm} of the same frame and window within one grey level
 * (JPEGs within a few), frames equal pydicom's pixels or compressed frames, WADO-URI objects equal what was sent.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RenderedIT {
    private static final Path TEST_FILES = Dicom.PYDICOM_DATA.resolve("test_files");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** Sent copies of pydicom's files under fresh UIDs, by their pydicom name; all in one study, two series. */
    private static final Map<String, Path> SENT = new LinkedHashMap<>();
    private static final Map<String, String[]> UIDS = new LinkedHashMap<>();
    private static String study;
    private static String imageSeries;
    private static String token;

    @TempDir
    static Path sentDir;

    @BeforeAll
    static void storeAStudy() throws Exception {
        study = Dicom.newUid();
        imageSeries = Dicom.newUid();
        String otherSeries = Dicom.newUid();
        String patient = "REN-" + UUID.randomUUID().toString().substring(0, 8);
        String[][] plan = {{"CT_small.dcm", imageSeries}, {"MR_small_RLE.dcm", imageSeries},
            {"SC_rgb_rle_2frame.dcm", imageSeries}, {"SC_rgb_jpeg_dcmtk.dcm", imageSeries},
            {"dicomdirtests/77654033/CR1/6154", otherSeries}, {"rtdose.dcm", otherSeries},
            {"test-SR.dcm", otherSeries}, {"SC_rgb_jpeg_gdcm.dcm", otherSeries}};
        for (String[] entry : plan) {
            DicomFile file = Part10.read(TEST_FILES.resolve(entry[0]));
            String sop = Dicom.newUid();
            Dataset dataset = file.dataset();
            dataset.setString(Tags.PatientID, patient);
            dataset.setString(Tags.StudyInstanceUID, study);
            dataset.setString(Tags.SeriesInstanceUID, entry[1]);
            dataset.setString(Tags.SOPInstanceUID, sop);
            Path copy = sentDir.resolve(sop + ".dcm");
            Part10.write(copy, FileMetaInformation.create(dataset.getString(Tags.SOPClassUID), sop,
                    file.transferSyntax().uid()), dataset);
            SENT.put(entry[0], copy);
            UIDS.put(entry[0], new String[] {entry[1], sop});
        }
        for (FileSender.Result result : Dicom.send(StrataServer.DICOM_PORT, "RENDERED-IT",
                SENT.values().toArray(Path[]::new))) {
            assertTrue(result.ok(), "not stored: " + result);
        }
        token = StrataServer.token("reader", "reader");
    }

    @Test
    void renderedPngsEqualDcmj2pnmOfTheSameFrameAndWindow(@TempDir Path dir) throws Exception {
        // the caller's window; the data set's own (MONOCHROME1 too); RLE; a frame of a multi-frame colour image
        assertSameImage(dcmj2pnm(dir, "CT_small.dcm", 1, "+Ww", "40", "400"),
                png(instancePath("CT_small.dcm") + "/rendered?window=40,400,linear"), 1);
        assertSameImage(dcmj2pnm(dir, "MR_small_RLE.dcm", 1, "+Wi", "1"), png(instancePath("MR_small_RLE.dcm")
                + "/rendered"), 1);
        assertSameImage(dcmj2pnm(dir, "dicomdirtests/77654033/CR1/6154", 1, "+Wi", "1"),
                png(instancePath("dicomdirtests/77654033/CR1/6154") + "/rendered"), 1);
        assertSameImage(dcmj2pnm(dir, "SC_rgb_rle_2frame.dcm", 2), png(instancePath("SC_rgb_rle_2frame.dcm")
                + "/frames/2/rendered"), 1);
        assertSameImage(dcmj2pnm(dir, "rtdose.dcm", 3, "+Wm"), png(instancePath("rtdose.dcm") + "/frames/3/rendered"),
                1);
        assertSameImage(dcmj2pnm(dir, "SC_rgb_jpeg_gdcm.dcm", 1), png(instancePath("SC_rgb_jpeg_gdcm.dcm")
                + "/rendered"), 1); // lossless JPEG, decoded by the toolkit's own codec
    }

    @Test
    void renderedJpegIsTheDefaultAndCloseToDcmj2pnm(@TempDir Path dir) throws Exception {
        HttpResponse<byte[]> response = get(instancePath("CT_small.dcm") + "/rendered?quality=95", null);
        assertEquals(200, response.statusCode(), text(response));
        assertEquals("image/jpeg", response.headers().firstValue("Content-Type").orElse(""));
        BufferedImage jpeg = ImageIO.read(new ByteArrayInputStream(response.body()));
        assertCloseOnAverage(dcmj2pnm(dir, "CT_small.dcm", 1, "+Wm"), jpeg, 2);
        HttpResponse<byte[]> colour = get(instancePath("SC_rgb_jpeg_dcmtk.dcm") + "/rendered?quality=95", null);
        assertCloseOnAverage(dcmj2pnm(dir, "SC_rgb_jpeg_dcmtk.dcm", 1),
                ImageIO.read(new ByteArrayInputStream(colour.body())), 4);
    }

    @Test
    void viewportsAndThumbnailsScaleWithTheAspectKept() throws Exception {
        BufferedImage small = png(instancePath("CT_small.dcm") + "/rendered?viewport=32,64");
        assertEquals(32, small.getWidth());
        assertEquals(32, small.getHeight());
        BufferedImage region = png(instancePath("CT_small.dcm") + "/rendered?viewport=20,100,0,0,64,32");
        assertEquals(20, region.getWidth());
        assertEquals(10, region.getHeight());
        BufferedImage thumbnail = png(instancePath("rtdose.dcm") + "/thumbnail?viewport=5,5");
        assertEquals(5, thumbnail.getWidth());
        BufferedImage series = png("/dicom-web/studies/" + study + "/series/" + imageSeries + "/thumbnail");
        assertTrue(series.getWidth() <= 128 && series.getHeight() <= 128, series.getWidth() + "x" + series.getHeight());
        HttpResponse<byte[]> studyThumbnail = get("/dicom-web/studies/" + study + "/thumbnail", null);
        assertEquals(200, studyThumbnail.statusCode(), text(studyThumbnail));
        assertEquals("image/jpeg", studyThumbnail.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void studyAndSeriesRenderAsAPartPerImageInstance() throws Exception {
        HttpResponse<byte[]> series = get("/dicom-web/studies/" + study + "/series/" + imageSeries + "/rendered",
                "image/png");
        assertEquals(200, series.statusCode(), text(series));
        List<byte[]> parts = parts(series);
        assertEquals(4, parts.size(), "CT, MR, RGB, JPEG");
        for (byte[] part : parts) {
            assertTrue(ImageIO.read(new ByteArrayInputStream(part)) != null, "each part is a PNG");
        }
        HttpResponse<byte[]> whole = get("/dicom-web/studies/" + study + "/rendered", null);
        assertEquals(7, parts(whole).size(), "the SR is left out");
        assertEquals(15, parts(get(instancePath("rtdose.dcm") + "/rendered", null)).size(), "a part per frame");
    }

    @Test
    void framesEqualPydicomsPixelsOrCompressedFrames() throws Exception {
        assertFrames("CT_small.dcm", "1", "multipart/related; type=\"application/octet-stream\"", false, 1);
        assertFrames("rtdose.dcm", "3,1,15", null, false, 3, 1, 15);
        assertFrames("MR_small_RLE.dcm", "1", "multipart/related; type=\"application/octet-stream\"", false, 1);
        assertFrames("SC_rgb_rle_2frame.dcm", "2,1", "*/*", false, 2, 1);
        assertFrames("SC_rgb_rle_2frame.dcm", "2", "multipart/related; type=\"image/dicom-rle\"", true, 2);
        assertFrames("SC_rgb_jpeg_dcmtk.dcm", "1", "multipart/related; type=\"image/jpeg\"", true, 1);
    }

    @Test
    void wadoUriReturnsTheStoredObjectOrARenderedImage() throws Exception {
        String query = "/dicom-web/wado?requestType=WADO&studyUID=" + study + "&seriesUID=" + imageSeries
                + "&objectUID=" + UIDS.get("MR_small_RLE.dcm")[1];
        HttpResponse<byte[]> dicom = get(query + "&contentType=application/dicom", null);
        assertEquals(200, dicom.statusCode(), text(dicom));
        assertEquals("application/dicom", dicom.headers().firstValue("Content-Type").orElse(""));
        Path received = Files.createTempFile("wado", ".dcm");
        try {
            Files.write(received, dicom.body());
            assertArrayEquals(Dicom.datasetBytes(SENT.get("MR_small_RLE.dcm")), Dicom.datasetBytes(received),
                    "the data set as sent");
            HttpResponse<byte[]> converted = get(query + "&contentType=application/dicom&transferSyntax="
                    + UIDs.ExplicitVRLittleEndian, null);
            Files.write(received, converted.body());
            DicomFile file = Part10.read(received);
            assertEquals(UIDs.ExplicitVRLittleEndian, file.meta().transferSyntaxUid());
            assertArrayEquals(pydicomFrame("MR_small_RLE.dcm", 1, false), file.dataset().readBytes(Tags.PixelData));
        } finally {
            Files.delete(received);
        }
        HttpResponse<byte[]> jpeg = get(query, null);
        assertEquals("image/jpeg", jpeg.headers().firstValue("Content-Type").orElse(""));
        BufferedImage scaled = ImageIO.read(new ByteArrayInputStream(get(query + "&contentType=image/png&rows=32"
                + "&windowCenter=600&windowWidth=1600", null).body()));
        assertEquals(32, scaled.getHeight());
        String sr = "/dicom-web/wado?requestType=WADO&studyUID=" + study + "&seriesUID=" + UIDS.get("test-SR.dcm")[0]
                + "&objectUID=" + UIDS.get("test-SR.dcm")[1];
        assertEquals("application/dicom", get(sr, null).headers().firstValue("Content-Type").orElse(""),
                "a non-image defaults to application/dicom");
    }

    @Test
    void theAcceptQueryParameterChoosesTheMediaTypeOfAHyperlink() throws Exception {
        // A hyperlink cannot set an Accept header (PS3.18 8.3.3.1); without the parameter the default is JPEG.
        HttpResponse<byte[]> png = get(instancePath("CT_small.dcm") + "/rendered?accept=image/png", null);
        assertEquals(200, png.statusCode(), text(png));
        assertEquals("image/png", png.headers().firstValue("Content-Type").orElse(""));
        assertEquals(128, ImageIO.read(new ByteArrayInputStream(png.body())).getWidth());
        HttpResponse<byte[]> xml = get("/dicom-web/studies?StudyInstanceUID=" + study
                + "&accept=multipart/related%3B%20type%3D%22application/dicom%2Bxml%22", "*/*");
        assertEquals(200, xml.statusCode(), text(xml));
        assertTrue(xml.headers().firstValue("Content-Type").orElse("").startsWith("multipart/related"),
                xml.headers().toString());
        assertTrue(text(xml).contains(study), "the XML answer names the study");
        assertRefused(400, "accept parameter: 'image/*' is a wildcard", instancePath("CT_small.dcm")
                + "/rendered?accept=image/*", null);
        assertRefused(406, "accept parameter: the Accept header allows none of image/png",
                instancePath("CT_small.dcm") + "/rendered?accept=image/png", "image/jpeg");
    }

    @Test
    void badRequestsGetTheirStatusAndAOneLineReason() throws Exception {
        String ct = instancePath("CT_small.dcm");
        String wado = "/dicom-web/wado?studyUID=" + study + "&seriesUID=" + imageSeries + "&objectUID="
                + UIDS.get("CT_small.dcm")[1];
        assertRefused(400, "frame 2 is out of range 1..1", ct + "/frames/2", null);
        assertRefused(400, "frame number 'x' is not a number", ct + "/frames/1,x", null);
        assertRefused(400, "window must be center,width[,function], not 'abc'", ct + "/rendered?window=abc", null);
        assertRefused(400, "quality 0 is not in 1..100", ct + "/rendered?quality=0", null);
        assertRefused(400, "viewport: source region", ct + "/rendered?viewport=10,10,100,100,64,64", null);
        assertRefused(400, "requestType=WADO is missing", wado, null);
        assertRefused(400, "objectUID is missing", "/dicom-web/wado?requestType=WADO&studyUID=1&seriesUID=2", null);
        assertRefused(404, "no instance 1.2.3", "/dicom-web/wado?requestType=WADO&studyUID=" + study
                + "&seriesUID=" + imageSeries + "&objectUID=1.2.3", null);
        assertRefused(404, "no study 1.2.3", "/dicom-web/studies/1.2.3/rendered", null);
        assertRefused(406, "none of image/jpeg, image/png is acceptable", ct + "/rendered", "text/html");
        assertRefused(406, "frames of this instance (JPEG Baseline", instancePath("SC_rgb_jpeg_dcmtk.dcm")
                + "/frames/1", "multipart/related; type=\"application/octet-stream\"");
        assertRefused(406, "instance " + UIDS.get("test-SR.dcm")[1] + " is not an image",
                instancePath("test-SR.dcm") + "/rendered", null);
        assertRefused(406, "object stored as", wado + "&requestType=WADO&contentType=application/dicom&transferSyntax="
                + UIDs.JPEGBaseline8Bit, null);
        HttpResponse<byte[]> anonymous = HTTP.send(HttpRequest.newBuilder(StrataServer.uri(wado + "&requestType=WADO"))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(401, anonymous.statusCode());
    }

    // ---------------------------------------------------------------- helpers

    private static String instancePath(String name) {
        return "/dicom-web/studies/" + study + "/series/" + UIDS.get(name)[0] + "/instances/" + UIDS.get(name)[1];
    }

    private static HttpResponse<byte[]> get(String path, String accept) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(StrataServer.uri(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static BufferedImage png(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = get(path, "image/png");
        assertEquals(200, response.statusCode(), path + ": " + text(response));
        assertEquals("image/png", response.headers().firstValue("Content-Type").orElse(""), path);
        return ImageIO.read(new ByteArrayInputStream(response.body()));
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static void assertRefused(int status, String reasonStart, String path, String accept) throws Exception {
        HttpResponse<byte[]> response = get(path, accept);
        String reason = text(response);
        assertEquals(status, response.statusCode(), path + ": " + reason);
        assertTrue(reason.startsWith(reasonStart) && reason.indexOf('\n') == reason.length() - 1,
                path + ": reason '" + reason + "' should start with '" + reasonStart + "' and be one line");
    }

    /** DCMTK's rendering of a sent file's frame as PNG, with dcmj2pnm's VOI options. */
    private static BufferedImage dcmj2pnm(Path dir, String name, int frame, String... voiOptions) throws Exception {
        Path out = dir.resolve("dcmtk-" + UUID.randomUUID() + ".png");
        List<String> command = new ArrayList<>(List.of("dcmj2pnm", "+on", "+F", String.valueOf(frame)));
        command.addAll(List.of(voiOptions));
        command.add(SENT.get(name).toString());
        command.add(out.toString());
        run(command);
        return ImageIO.read(out.toFile());
    }

    private static byte[] pydicomFrame(String name, int frame, boolean stored) throws Exception {
        Path script = Files.createTempFile("frame", ".py");
        try (InputStream in = RenderedIT.class.getResourceAsStream("/python/frame.py")) {
            Files.copy(in, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            List<String> command = new ArrayList<>(List.of("/usr/bin/python3", script.toString(),
                    SENT.get(name).toString(), String.valueOf(frame)));
            if (stored) {
                command.add("--stored");
            }
            return Base64.getDecoder().decode(run(command).strip());
        } finally {
            Files.delete(script);
        }
    }

    private static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
        byte[] out = process.getInputStream().readAllBytes();
        String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            fail(String.join(" ", command) + " failed (is dcmtk / python3-pydicom installed?): " + errors);
        }
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    private static void assertFrames(String name, String list, String accept, boolean stored, int... frames)
            throws Exception {
        HttpResponse<byte[]> response = get(instancePath(name) + "/frames/" + list, accept);
        assertEquals(200, response.statusCode(), name + ": " + text(response));
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        assertTrue(contentType.startsWith("multipart/related"), contentType);
        List<byte[]> parts = parts(response);
        assertEquals(frames.length, parts.size(), name + " parts");
        for (int i = 0; i < frames.length; i++) {
            assertArrayEquals(pydicomFrame(name, frames[i], stored), parts.get(i), name + " frame " + frames[i]);
        }
    }

    /** The contents of a multipart/related response's parts. */
    private static List<byte[]> parts(HttpResponse<byte[]> response) {
        return Multipart.parts(response).stream().map(Multipart.Part::content).toList();
    }

    private static void assertSameImage(BufferedImage expected, BufferedImage actual, int tolerance) {
        int[][] samples = samples(expected, actual);
        for (int i = 0; i < samples[0].length; i++) {
            if (Math.abs(samples[0][i] - samples[1][i]) > tolerance) {
                fail("sample " + i + ": dcmj2pnm " + samples[0][i] + ", ours " + samples[1][i]);
            }
        }
    }

    private static void assertCloseOnAverage(BufferedImage expected, BufferedImage actual, double meanTolerance) {
        int[][] samples = samples(expected, actual);
        double sum = 0;
        for (int i = 0; i < samples[0].length; i++) {
            sum += Math.abs(samples[0][i] - samples[1][i]);
        }
        double mean = sum / samples[0].length;
        assertTrue(mean <= meanTolerance, "mean difference " + mean + " grey levels");
    }

    private static int[][] samples(BufferedImage expected, BufferedImage actual) {
        assertEquals(expected.getWidth(), actual.getWidth(), "width");
        assertEquals(expected.getHeight(), actual.getHeight(), "height");
        assertEquals(expected.getRaster().getNumBands(), actual.getRaster().getNumBands(), "grey or colour");
        int w = expected.getWidth();
        int h = expected.getHeight();
        return new int[][] {expected.getRaster().getPixels(0, 0, w, h, (int[]) null),
            actual.getRaster().getPixels(0, 0, w, h, (int[]) null)};
    }
}
