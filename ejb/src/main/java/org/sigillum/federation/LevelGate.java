package org.sigillum.federation;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sigillum.account.SigningFactorsBean;
import org.sigillum.api.audit.AuditEvent;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.federation.LevelOfAssurance;
import org.sigillum.api.sam.SadGrant;
import org.sigillum.api.service.AuditTrail;

/**
 * The last check before a signing authorization reaches the SAM (checklist C11): the level the sign-in reached,
 * raised by the factors Sigillum itself verified at consent, must meet the policy for the credential's SCAL. The
 * grant that passes records the level (and provider) among its factors, so the SAD carries them.
 */
@Stateless
public class LevelGate {

    public static final String LEVEL_FACTOR = "loa:";
    public static final String PROVIDER_FACTOR = "idp:";

    @Inject
    private LoginAttempts attempts;
    @EJB
    private ProviderDirectory directory;
    @EJB
    private AuditTrail audit;

    public SadGrant admit(String transactionId, SadGrant grant) throws ServiceException {
        FederatedSignIn signIn = attempts.signIn(transactionId);
        LevelOfAssurance level = reached(LoginAttempts.levelOf(signIn), grant.factors());
        LevelOfAssurance required = directory.policy().forScal(grant.scal());
        if (!level.atLeast(required)) {
            audit.recordRefusal(new AuditEvent(FederationEvents.LEVEL_BELOW_POLICY, AuditEvent.Outcome.REFUSED,
                    grant.userId(), grant.userId(), grant.credentialId(), Map.of("level", level.value(), "required",
                    required.value(), "provider", signIn == null ? "local" : signIn.alias(), "scal", grant.scal()))
                    .forClient(grant.clientId()));
            throw new ServiceException(ErrorCode.ACCESS_DENIED, "signing with this key needs the level of assurance "
                    + required.value() + "; this sign-in reached " + level.value());
        }
        List<String> factors = new ArrayList<>(grant.factors());
        factors.add(LEVEL_FACTOR + level.value());
        if (signIn != null) {
            factors.add(PROVIDER_FACTOR + signIn.alias());
        }
        return grant.authenticatedBy(factors, grant.authenticatedAt());
    }

    /** A one-time code proven at consent is a possession factor: with the PIN, at least substantial. */
    static LevelOfAssurance reached(LevelOfAssurance signedIn, List<String> consentFactors) {
        LevelOfAssurance own = consentFactors.contains(SigningFactorsBean.OTP) ? LevelOfAssurance.SUBSTANTIAL : LevelOfAssurance.LOW;
        return own.atLeast(signedIn) ? own : signedIn;
    }
}
