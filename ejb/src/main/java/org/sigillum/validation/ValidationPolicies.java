package org.sigillum.validation;

import eu.europa.esig.dss.enumerations.Level;
import eu.europa.esig.dss.model.policy.ValidationPolicy;
import eu.europa.esig.dss.policy.EtsiValidationPolicy;
import eu.europa.esig.dss.policy.ValidationPolicyFacade;
import eu.europa.esig.dss.policy.jaxb.BasicSignatureConstraints;
import eu.europa.esig.dss.policy.jaxb.ConstraintsParameters;
import eu.europa.esig.dss.policy.jaxb.LevelConstraint;
import java.io.InputStream;

/**
 * The validation policy: DSS's default, which warns of a PDF's visual differences and undefined object changes after
 * a signature, plus warnings of form fields filled, signatures added and annotations created, changed or deleted
 * after it. Those are the changes the shadow attacks use to alter what a signed page shows without touching the
 * signed bytes, and DSS can render pages to compare them only for short documents; the object changes are found in
 * documents of any length.
 */
final class ValidationPolicies {

    /** Where dss-policy-jaxb keeps its default policy. */
    private static final String DSS_DEFAULT = "/policy/constraint.xml";

    private ValidationPolicies() {
    }

    static ValidationPolicy standard() {
        ConstraintsParameters constraints;
        try (InputStream in = ValidationPolicyFacade.class.getResourceAsStream(DSS_DEFAULT)) {
            constraints = ValidationPolicyFacade.newFacade().unmarshall(in);
        } catch (Exception e) {
            throw new IllegalStateException("DSS's default validation policy cannot be read", e);
        }
        BasicSignatureConstraints pdf = constraints.getSignatureConstraints().getBasicSignatureConstraints();
        pdf.setFormFillChanges(warning());
        pdf.setAnnotationChanges(warning());
        return new EtsiValidationPolicy(constraints);
    }

    private static LevelConstraint warning() {
        LevelConstraint constraint = new LevelConstraint();
        constraint.setLevel(Level.WARN);
        return constraint;
    }
}
