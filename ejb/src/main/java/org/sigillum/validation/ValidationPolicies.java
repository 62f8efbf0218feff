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
 * The validation policy: DSS's default, without its own judgement of what changed in a PDF after a signature
 * (visual difference, form filling, annotation and undefined changes). DSS compares the revision before the
 * signature with the document and so warns of what the signature's own revision did (a false alarm on an untouched
 * document), while it does not read what viewers rebuild; {@link PdfRevisionReview} judges those changes instead,
 * and {@link RevisionVerdict} turns them into the indication and warnings.
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
        pdf.setPdfVisualDifference(ignored());
        pdf.setFormFillChanges(ignored());
        pdf.setAnnotationChanges(ignored());
        pdf.setUndefinedChanges(ignored());
        return new EtsiValidationPolicy(constraints);
    }

    private static LevelConstraint ignored() {
        LevelConstraint constraint = new LevelConstraint();
        constraint.setLevel(Level.IGNORE);
        return constraint;
    }
}
