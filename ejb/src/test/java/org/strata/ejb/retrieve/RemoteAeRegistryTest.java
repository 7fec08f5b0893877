package org.strata.ejb.retrieve;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class RemoteAeRegistryTest {
    @Test
    void registryEntriesAreChecked() throws Exception {
        RemoteAeRegistry.check(new RemoteAeRegistry.Entry("STORESCP", "127.0.0.1", 104, false));
        for (RemoteAeRegistry.Entry bad : List.of(
                new RemoteAeRegistry.Entry("SEVENTEEN-CHARS-X", "h", 104, false),
                new RemoteAeRegistry.Entry(" LEAD", "h", 104, false),
                new RemoteAeRegistry.Entry("BACK\\SLASH", "h", 104, false),
                new RemoteAeRegistry.Entry("AE", "", 104, false),
                new RemoteAeRegistry.Entry("AE", "h", 0, false),
                new RemoteAeRegistry.Entry("AE", "h", 65536, false))) {
            assertThrows(RemoteAeRegistry.InvalidEntryException.class, () -> RemoteAeRegistry.check(bad), bad.toString());
        }
    }
}
