package org.sigillum.federation;

import java.util.Locale;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.federation.LevelOfAssurance;
import org.sigillum.api.federation.LevelPolicyView;

/**
 * The levels that signing at SCAL 1, at SCAL 2 and creating a key need, and what happens below them: the provider
 * is asked to step up, or the login is refused. Either way nothing is signed below the level (checklist C11).
 */
public record LevelPolicy(LevelOfAssurance scal1, LevelOfAssurance scal2, LevelOfAssurance keyCreation, StepUp stepUp) {

    public enum StepUp {
        PROVIDER,
        REFUSE
    }

    /** The level a signing authorization for a credential of {@code scal} ("1" or "2", as stored) needs. */
    public LevelOfAssurance forScal(String scal) {
        return "1".equals(scal) || "SCAL1".equalsIgnoreCase(scal) ? scal1 : scal2;
    }

    LevelPolicyView view() {
        return new LevelPolicyView(scal1.value(), scal2.value(), keyCreation.value(),
                stepUp.name().toLowerCase(Locale.ROOT));
    }

    static LevelPolicy of(LevelPolicyView view) throws ServiceException {
        if (view == null) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "a policy is required");
        }
        return new LevelPolicy(level("scal1", view.scal1()), level("scal2", view.scal2()),
                level("keyCreation", view.keyCreation()), stepUp(view.stepUp()));
    }

    private static LevelOfAssurance level(String field, String value) throws ServiceException {
        LevelOfAssurance level = LevelOfAssurance.parse(value);
        if (level == null) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, field + " must be low, substantial or high");
        }
        return level;
    }

    private static StepUp stepUp(String value) throws ServiceException {
        for (StepUp candidate : StepUp.values()) {
            if (candidate.name().equalsIgnoreCase(value == null ? "" : value)) {
                return candidate;
            }
        }
        throw new ServiceException(ErrorCode.INVALID_REQUEST, "stepUp must be provider or refuse");
    }
}
