package org.sigillum.sam.sad;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class CredentialStatesTest {

    @Test
    void a11AnEnabledCredentialSigns() {
        assertDoesNotThrow(() -> CredentialStates.requireActive("ENABLED"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"REVOKED", "DISABLED", "SUSPENDED", "enabled", ""})
    void a11ARevokedDisabledSuspendedOrDeletedCredentialSignsNothing(String status) {
        assertEquals(SadRules.Rule.CREDENTIAL_INACTIVE,
                assertThrows(SadRefusal.class, () -> CredentialStates.requireActive(status)).rule());
    }
}
