package org.strata.ejb.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AgeBasisTest {
    @Test
    void receivedAndAccessedAreTakenInAnyCase() {
        assertEquals(AgeBasis.RECEIVED, AgeBasis.parse("strata.lifecycle.age-basis", "received"));
        assertEquals(AgeBasis.ACCESSED, AgeBasis.parse("strata.lifecycle.age-basis", " Accessed "));
    }

    @Test
    void anythingElseIsRefusedNamingTheSettingAndTheValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AgeBasis.parse("strata.lifecycle.age-basis", "read"));
        assertEquals("strata.lifecycle.age-basis is 'read': expected received or accessed", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AgeBasis.parse("strata.lifecycle.age-basis", ""));
        assertThrows(IllegalArgumentException.class, () -> AgeBasis.parse("strata.lifecycle.age-basis", null));
    }
}
