package org.sigillum.tenancy;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.europa.esig.dss.enumerations.SignatureLevel;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.tenancy.GroupPolicy;
import org.sigillum.hsm.EcCurve;
import org.sigillum.hsm.KeySpec;

class GroupPoliciesTest {

    private static GroupPolicy policy(List<String> keys, List<String> formats, List<String> levels, Integer sad,
                                      Integer max, Boolean basic, String scal) {
        return new GroupPolicy(keys, formats, levels, sad, max, basic, scal, null, null, null);
    }

    @Test
    void anEmptyPolicyAllowsWhatTheServerAllows() throws ServiceException {
        GroupPolicy open = GroupPolicies.checked(null);
        assertDoesNotThrow(() -> GroupPolicies.requireKey(open, KeySpec.rsa(4096)));
        assertDoesNotThrow(() -> GroupPolicies.requireSignature(open, SignatureLevel.XAdES_BASELINE_LTA));
        assertDoesNotThrow(() -> GroupPolicies.requireBasicLogin(open));
        assertDoesNotThrow(() -> GroupPolicies.requireScal(open, null));
        assertEquals(100, GroupPolicies.maxNumSignatures(open, 100));
        assertEquals(300, GroupPolicies.sadLifetimeSeconds(open, 300));
    }

    @Test
    void unknownValuesAreRefusedNamingTheField() {
        for (GroupPolicy bad : List.of(policy(List.of("RSA-1024"), null, null, null, null, null, null),
                policy(List.of(), null, null, null, null, null, null),
                policy(null, List.of("PDF"), null, null, null, null, null),
                policy(null, null, List.of("B-X"), null, null, null, null),
                policy(null, null, null, 0, null, null, null), policy(null, null, null, 3601, null, null, null),
                policy(null, null, null, null, 0, null, null), policy(null, null, null, null, null, null, "3"),
                new GroupPolicy(null, null, null, null, null, null, null, List.of(" "), null, null),
                new GroupPolicy(null, null, null, null, null, null, null, null, "medium", null))) {
            ServiceException e = assertThrows(ServiceException.class, () -> GroupPolicies.checked(bad), bad.toString());
            assertEquals(ErrorCode.INVALID_REQUEST, e.code());
        }
    }

    @Test
    void keysFormatsLevelsAndLimitsOutsideThePolicyAreRefused() throws ServiceException {
        GroupPolicy narrow = GroupPolicies.checked(policy(List.of("EC-P-256", "RSA-3072"), List.of("PAdES"),
                List.of("B-B", "B-LT"), 60, 2, false, "2"));
        assertDoesNotThrow(() -> GroupPolicies.requireKey(narrow, KeySpec.ec(EcCurve.P256)));
        assertDoesNotThrow(() -> GroupPolicies.requireKey(narrow, KeySpec.rsa(3072)));
        assertTrue(assertThrows(ServiceException.class, () -> GroupPolicies.requireKey(narrow, KeySpec.rsa(2048)))
                .getMessage().contains("RSA-2048"));
        assertThrows(ServiceException.class, () -> GroupPolicies.requireKey(narrow, KeySpec.ec(EcCurve.P384)));
        assertDoesNotThrow(() -> GroupPolicies.requireSignature(narrow, SignatureLevel.PAdES_BASELINE_LT));
        assertTrue(assertThrows(ServiceException.class,
                () -> GroupPolicies.requireSignature(narrow, SignatureLevel.CAdES_BASELINE_B)).getMessage().contains("CAdES"));
        assertTrue(assertThrows(ServiceException.class,
                () -> GroupPolicies.requireSignature(narrow, SignatureLevel.PAdES_BASELINE_T)).getMessage().contains("B-T"));
        assertEquals(2, GroupPolicies.maxNumSignatures(narrow, 100));
        assertEquals(1, GroupPolicies.maxNumSignatures(policy(null, null, null, null, 5, null, null), 1));
        assertEquals(60, GroupPolicies.sadLifetimeSeconds(narrow, 300));
        assertEquals(ErrorCode.ACCESS_DENIED,
                assertThrows(ServiceException.class, () -> GroupPolicies.requireBasicLogin(narrow)).code());
        assertThrows(ServiceException.class, () -> GroupPolicies.requireScal(narrow, List.of()));
        assertDoesNotThrow(() -> GroupPolicies.requireScal(narrow, List.of("aGFzaA==")));
    }
}
