package org.sigillum.web.csc.v1;

import java.util.Base64;
import java.util.List;
import org.sigillum.api.csc.AuthorizeRequest;
import org.sigillum.api.csc.CredentialInfo;
import org.sigillum.api.csc.CredentialInfoRequest;
import org.sigillum.api.csc.ExtendTransactionRequest;
import org.sigillum.api.csc.InfoResponse;
import org.sigillum.api.csc.SignHashRequest;
import org.sigillum.api.csc.TimestampRequest;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;

/**
 * CSC v1.0.4.0 bodies to the v2 service requests and back. Nothing here decides anything: every check, the SAD
 * and the SAM's rules stay in the services both API versions call.
 */
final class V1Translation {

    static final String SPECS = "1.0.4.0";
    private static final String PIN = "PIN";
    private static final String OTP = "OTP";
    /** v1's methods, in the order of the v1 specification; auth/login only while the v2 info lists it. */
    private static final List<String> METHODS = List.of("info", "auth/login", "auth/revoke", "credentials/list",
            "credentials/info", "credentials/authorize", "credentials/extendTransaction", "credentials/sendOTP",
            "signatures/signHash", "signatures/timestamp");

    private V1Translation() {
    }

    static V1Messages.InfoResponse info(InfoResponse v2, String oauth2BaseUri) {
        boolean login = v2.methods().contains("auth/login");
        List<String> methods = METHODS.stream().filter(m -> login || !m.equals("auth/login")).toList();
        return new V1Messages.InfoResponse(SPECS, v2.name(), v2.logo(), v2.region(), v2.lang(), v2.description(),
                v2.authType(), v2.authType().contains("oauth2code") ? oauth2BaseUri : null, methods);
    }

    static CredentialInfoRequest infoRequest(V1Messages.InfoRequest v1) {
        // the factors are always read: v1 answers authMode whatever authInfo says
        return new CredentialInfoRequest(v1.credentialID(), v1.certificates(), v1.certInfo(), true, v1.lang(),
                v1.clientData());
    }

    static V1Messages.CredentialInfoResponse credentialInfo(CredentialInfo v2, boolean authInfo) {
        V1Messages.Pin pin = null;
        V1Messages.Otp otp = null;
        if (authInfo && v2.auth() != null) {
            for (CredentialInfo.AuthObject object : v2.auth().objects()) {
                if (PIN.equals(object.id())) {
                    pin = new V1Messages.Pin("true", object.format(), object.label(), object.description());
                } else if (OTP.equals(object.id())) {
                    // a TOTP authenticator computes the code itself: an offline generator in v1's terms
                    otp = new V1Messages.Otp("true", "offline", object.id(), object.generator(), object.format(),
                            object.label(), object.description());
                } else if (otp == null && "PasswordOOB".equals(object.type())) {
                    // a code sent by e-mail or SMS on credentials/sendOTP: online, v1's one OTP field carries it
                    otp = new V1Messages.Otp("true", "online", object.id(), object.id().equals("SMS_OTP") ? "sms" : "email",
                            object.format(), object.label(), object.description());
                }
            }
        }
        return new V1Messages.CredentialInfoResponse(v2.description(), v2.key(), v2.cert(),
                v2.auth() == null ? "explicit" : v2.auth().mode(), v2.scal(), pin, otp, v2.multisign(), v2.lang());
    }


    static AuthorizeRequest authorize(V1Messages.AuthorizeRequest v1) {
        List<AuthorizeRequest.AuthData> factors = new java.util.ArrayList<>();
        if (v1.pin() != null) {
            factors.add(new AuthorizeRequest.AuthData(PIN, v1.pin()));
        }
        if (v1.otp() != null) {
            factors.add(new AuthorizeRequest.AuthData(OTP, v1.otp()));
        }
        return new AuthorizeRequest(v1.credentialID(), v1.numSignatures(), v1.hash(), hashAlgorithmOf(v1.hash(), null),
                factors, v1.description(), v1.clientData());
    }

    static ExtendTransactionRequest extendTransaction(V1Messages.ExtendTransactionRequest v1) {
        return new ExtendTransactionRequest(v1.credentialID(), v1.hash(), hashAlgorithmOf(v1.hash(), null), v1.sad(),
                v1.clientData());
    }

    static SignHashRequest signHash(V1Messages.SignHashRequest v1) {
        return new SignHashRequest(v1.credentialID(), v1.sad(), v1.hash(), hashAlgorithmOf(v1.hash(), v1.hashAlgo()),
                v1.signAlgo(), v1.signAlgoParams(), null, null, null, v1.clientData());
    }

    static TimestampRequest timestamp(V1Messages.TimestampRequest v1) {
        return new TimestampRequest(v1.hash(), v1.hashAlgo(), v1.nonce(), v1.clientData());
    }

    /**
     * v1's credentials/authorize names no hash algorithm, and signHash needs {@code hashAlgo} only with
     * rsaEncryption; the SAD binds hashes to one algorithm, so the mapping reads it from the hashes' length
     * (SHA-256, -384 or -512). A hash of another length is left for the service to refuse.
     */
    static String hashAlgorithmOf(List<String> hashes, String given) {
        if (given != null || hashes == null || hashes.isEmpty() || hashes.get(0) == null) {
            return given;
        }
        try {
            return switch (Base64.getDecoder().decode(hashes.get(0)).length) {
                case 32 -> "2.16.840.1.101.3.4.2.1";
                case 48 -> "2.16.840.1.101.3.4.2.2";
                case 64 -> "2.16.840.1.101.3.4.2.3";
                default -> null;
            };
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A v1 method's body: JSON-B reads an absent one as null, which is a malformed request, not a crash. */
    static void requireBody(Object request) throws ServiceException {
        if (request == null) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "a JSON body is required");
        }
    }

    /** credentials/list paging: the page token is the index of the page's first credential. */
    static int pageStart(String pageToken, int size) throws ServiceException {
        if (pageToken == null) {
            return 0;
        }
        try {
            int start = Integer.parseInt(pageToken);
            if (start >= 0 && start <= size) {
                return start;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ServiceException(ErrorCode.INVALID_REQUEST, "invalid pageToken");
    }
}
