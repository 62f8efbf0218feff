package org.sigillum.web.csc.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sigillum.api.csc.AuthorizeRequest;
import org.sigillum.api.csc.CredentialInfo;
import org.sigillum.api.error.ServiceException;

class V1TranslationTest {

    private static String hash(int bytes) {
        return Base64.getEncoder().encodeToString(new byte[bytes]);
    }

    @Test
    void theHashAlgorithmIsReadFromTheHashesLengthWhenV1NamesNone() {
        assertEquals("2.16.840.1.101.3.4.2.1", V1Translation.hashAlgorithmOf(List.of(hash(32)), null));
        assertEquals("2.16.840.1.101.3.4.2.2", V1Translation.hashAlgorithmOf(List.of(hash(48)), null));
        assertEquals("2.16.840.1.101.3.4.2.3", V1Translation.hashAlgorithmOf(List.of(hash(64)), null));
        assertEquals("given", V1Translation.hashAlgorithmOf(List.of(hash(32)), "given"), "hashAlgo, when sent, wins");
        assertNull(V1Translation.hashAlgorithmOf(List.of(hash(20)), null), "SHA-1 length: left for the service to refuse");
        assertNull(V1Translation.hashAlgorithmOf(List.of("not base64!"), null));
        assertNull(V1Translation.hashAlgorithmOf(null, null));
    }

    @Test
    void pinAndOtpStringsBecomeAuthData() {
        AuthorizeRequest v2 = V1Translation.authorize(new V1Messages.AuthorizeRequest("c1", 1, List.of(hash(32)),
                "123456", "654321", "why", null));
        assertEquals(List.of("PIN", "OTP"), v2.authData().stream().map(AuthorizeRequest.AuthData::id).toList());
        assertEquals(List.of("123456", "654321"), v2.authData().stream().map(AuthorizeRequest.AuthData::value).toList());
        assertEquals("2.16.840.1.101.3.4.2.1", v2.hashAlgorithmOID());
        assertEquals(List.of(), V1Translation.authorize(new V1Messages.AuthorizeRequest("c1", 1, null, null, null, null,
                null)).authData(), "no factor sent, none invented");
    }

    @Test
    void theFactorsBecomePinAndOfflineOtpObjects() {
        CredentialInfo v2 = new CredentialInfo(null, null, null, null, new CredentialInfo.Auth("explicit", "PIN AND OTP",
                List.of(new CredentialInfo.AuthObject("Password", "PIN", "N", null, "PIN", "the PIN"),
                        new CredentialInfo.AuthObject("Password", "OTP", "N", "totp", "OTP", "the code"))), "2", 10, "en");
        V1Messages.CredentialInfoResponse v1 = V1Translation.credentialInfo(v2, true);
        assertEquals("explicit", v1.authMode());
        assertEquals("true", v1.pin().presence());
        assertEquals("offline", v1.otp().type());
        assertEquals("OTP", v1.otp().id());
        assertNull(V1Translation.credentialInfo(v2, false).pin(), "PIN and OTP only with authInfo");
    }

    @Test
    void aPageTokenOutsideTheListIsInvalidRequest() throws ServiceException {
        assertEquals(0, V1Translation.pageStart(null, 3));
        assertEquals(2, V1Translation.pageStart("2", 3));
        assertThrows(ServiceException.class, () -> V1Translation.pageStart("4", 3));
        assertThrows(ServiceException.class, () -> V1Translation.pageStart("-1", 3));
        assertThrows(ServiceException.class, () -> V1Translation.pageStart("x", 3));
    }
}
