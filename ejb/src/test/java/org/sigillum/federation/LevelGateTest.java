package org.sigillum.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sigillum.account.SigningFactorsBean;
import org.sigillum.api.federation.LevelOfAssurance;

class LevelGateTest {

    @Test
    void aOneTimeCodeAtConsentRaisesAPasswordToSubstantialButNoFurther() {
        assertEquals(LevelOfAssurance.LOW, LevelGate.reached(LevelOfAssurance.LOW, List.of(SigningFactorsBean.PIN)));
        assertEquals(LevelOfAssurance.SUBSTANTIAL, LevelGate.reached(LevelOfAssurance.LOW,
                List.of(SigningFactorsBean.PIN, SigningFactorsBean.OTP)));
        assertEquals(LevelOfAssurance.HIGH, LevelGate.reached(LevelOfAssurance.HIGH,
                List.of(SigningFactorsBean.PIN, SigningFactorsBean.OTP)));
    }

    @Test
    void thePolicyNamesTheLevelOfEachScal() {
        LevelPolicy policy = new LevelPolicy(LevelOfAssurance.LOW, LevelOfAssurance.HIGH, LevelOfAssurance.SUBSTANTIAL,
                LevelPolicy.StepUp.PROVIDER);
        assertEquals(LevelOfAssurance.LOW, policy.forScal("1"));
        assertEquals(LevelOfAssurance.HIGH, policy.forScal("2"));
        assertEquals(LevelOfAssurance.HIGH, policy.forScal(null));
    }
}
