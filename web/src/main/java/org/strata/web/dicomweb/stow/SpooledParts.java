package org.strata.web.dicomweb.stow;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.strata.web.dicomweb.multipart.MediaTypeParameters;
import org.strata.web.dicomweb.multipart.MultipartPart;
import org.strata.web.dicomweb.multipart.MultipartReader;

/**
 * The parts of one STOW-RS request, each copied to a temporary file as it streams in: memory stays bounded
 * whatever the part sizes, and nothing is stored unless the whole body turned out well-formed.
 */
final class SpooledParts implements Closeable {

    /** One part: its base media type (lower case), Content-Location (or null) and content. */
    record Part(String mediaType, String contentLocation, Path file) {
    }

    private final Path folder;
    private final List<Part> parts = new ArrayList<>();

    private SpooledParts(Path folder) {
        this.folder = folder;
    }

    /**
     * Reads every part of {@code body}; a part without Content-Type has the root's {@code type}.
     *
     * @throws org.strata.web.dicomweb.multipart.MalformedMultipartException when the body breaks RFC 2046/2387
     */
    static SpooledParts read(InputStream body, MediaTypeParameters contentType, String rootType) throws IOException {
        SpooledParts spooled = new SpooledParts(Files.createTempDirectory("strata-stow-"));
        try {
            MultipartReader reader = MultipartReader.of(body, contentType);
            for (MultipartPart part; (part = reader.nextPart()) != null; ) {
                String type = part.contentType() == null ? rootType : MediaTypeParameters.parse(part.contentType()).baseType();
                Path file = spooled.folder.resolve("part-" + spooled.parts.size());
                try (OutputStream out = Files.newOutputStream(file)) {
                    part.body().transferTo(out);
                }
                spooled.parts.add(new Part(type, part.contentLocation(), file));
            }
            return spooled;
        } catch (IOException | RuntimeException e) {
            spooled.close();
            throw e;
        }
    }

    List<Part> parts() {
        return parts;
    }

    /** Deletes the temporary files. */
    @Override
    public void close() throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
