package org.strata.ejb.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderStorageTest {
    @Test
    void putStoresTheBytesAndVerifyFindsEveryKindOfDamage(@TempDir Path dir) throws Exception {
        FolderStorage folder = new FolderStorage("cold", StorageSystem.Tier.COLD, dir.resolve("cold"));
        Path source = Files.write(dir.resolve("a.dcm"), new byte[] {1, 2, 3, 4});
        String sha;
        try (InputStream in = Files.newInputStream(source)) {
            sha = StorageSystem.Digest.of(in).sha256();
        }
        folder.put("1.2/1.2.3/1.2.3.4.dcm", source);
        folder.put("1.2/1.2.3/1.2.3.5.dcm", source);
        folder.put("1.2/1.2.3/1.2.3.6.dcm", source);

        assertNull(folder.verify("1.2/1.2.3/1.2.3.4.dcm", 4, sha));
        Files.write(dir.resolve("cold/1.2/1.2.3/1.2.3.5.dcm"), new byte[] {1, 2, 3, 5});
        assertEquals("SHA-256 differs from the index", folder.verify("1.2/1.2.3/1.2.3.5.dcm", 4, sha));
        Files.write(dir.resolve("cold/1.2/1.2.3/1.2.3.6.dcm"), new byte[] {1, 2, 3});
        assertEquals("size 3 instead of 4", folder.verify("1.2/1.2.3/1.2.3.6.dcm", 4, sha));
        assertEquals("missing", folder.verify("1.2/1.2.3/gone.dcm", 4, sha));
    }

    @Test
    void listingSkipsHiddenFilesAndYoungerObjectsAndDeleteForgets(@TempDir Path dir) throws Exception {
        FolderStorage folder = new FolderStorage("hot", StorageSystem.Tier.HOT, dir);
        Path source = Files.write(Files.createTempFile("obj", ".dcm"), new byte[] {9});
        folder.put("1/2/3.dcm", source);
        Files.createDirectories(dir.resolve(".incoming"));
        Files.write(dir.resolve(".incoming/x.part"), new byte[] {1});

        List<String> listed = new ArrayList<>();
        folder.forEach(Instant.now().plusSeconds(60), listed::add);
        assertEquals(List.of("1/2/3.dcm"), listed);
        List<String> older = new ArrayList<>();
        folder.forEach(Instant.now().minusSeconds(3600), older::add);
        assertEquals(List.of(), older);

        folder.delete("1/2/3.dcm");
        folder.delete("1/2/3.dcm");
        assertEquals("missing", folder.verify("1/2/3.dcm", 1, "00"));
        assertThrows(IllegalArgumentException.class, () -> folder.open("../escape.dcm"));
    }

    @Test
    void aFolderThatCannotBeCreatedIsAProblem(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("plain-file"), new byte[] {1});
        FolderStorage folder = new FolderStorage("cold", StorageSystem.Tier.COLD, file.resolve("cold"));
        String problem = folder.problem();
        assertEquals(true, problem != null && problem.contains(file.toString()), problem);
    }
}
