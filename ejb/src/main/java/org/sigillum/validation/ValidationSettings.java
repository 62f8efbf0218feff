package org.sigillum.validation;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The operator's choice for a certified PDF changed in a way its DocMDP permissions forbid: {@code fail} (the
 * default) gives the certification TOTAL_FAILED, {@code warn} keeps DSS's indication and adds a warning.
 */
@ApplicationScoped
public class ValidationSettings {

    @Inject
    @ConfigProperty(name = "sigillum.validation.certification-violation", defaultValue = "fail")
    String certificationViolation;

    private boolean failCertificationViolations;

    @PostConstruct
    void check() {
        String value = certificationViolation.trim().toLowerCase(Locale.ROOT);
        if (!value.equals("fail") && !value.equals("warn")) {
            throw new IllegalStateException("sigillum.validation.certification-violation must be fail or warn, not "
                    + certificationViolation);
        }
        failCertificationViolations = value.equals("fail");
    }

    public boolean failCertificationViolations() {
        return failCertificationViolations;
    }
}
