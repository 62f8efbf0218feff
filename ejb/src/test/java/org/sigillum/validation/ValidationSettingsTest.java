package org.sigillum.validation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ValidationSettingsTest {

    private static ValidationSettings settings(String value) {
        ValidationSettings settings = new ValidationSettings();
        settings.certificationViolation = value;
        settings.check();
        return settings;
    }

    @Test
    void d1CertificationViolationsFailUnlessTheOperatorChoosesWarn() {
        assertTrue(settings("fail").failCertificationViolations());
        assertFalse(settings(" WARN ").failCertificationViolations());
        assertThrows(IllegalStateException.class, () -> settings("ignore"));
    }
}
