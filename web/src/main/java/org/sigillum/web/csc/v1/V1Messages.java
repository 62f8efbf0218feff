package org.sigillum.web.csc.v1;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;
import org.sigillum.api.csc.CredentialInfo;

/**
 * The request and response bodies of CSC API v1.0.4.0 where they differ from v2: {@code hash[]} and
 * {@code hashAlgo}, {@code PIN} and {@code OTP} strings, {@code authMode}, paging in credentials/list. They exist
 * only to be translated to and from the v2 service calls ({@link V1Translation}).
 */
public final class V1Messages {

    private V1Messages() {
    }

    public record InfoResponse(String specs, String name, String logo, String region, String lang, String description,
                        List<String> authType, String oauth2, List<String> methods) {
    }

    public record ListRequest(String userID, Integer maxResults, String pageToken, String clientData) {
    }

    public record ListResponse(List<String> credentialIDs, String nextPageToken) {
    }

    public record InfoRequest(String credentialID, String certificates, Boolean certInfo, Boolean authInfo, String lang,
                       String clientData) {
    }

    /** credentials/info in v1's shape: the key and certificate as in v2, the factors as PIN and OTP objects. */
    public record CredentialInfoResponse(String description, CredentialInfo.Key key, CredentialInfo.Cert cert,
                                  String authMode, @JsonbProperty("SCAL") String scal,
                                  @JsonbProperty("PIN") Pin pin, @JsonbProperty("OTP") Otp otp, Integer multisign,
                                  String lang) {
    }

    public record Pin(String presence, String format, String label, String description) {
    }

    public record Otp(String presence, String type, @JsonbProperty("ID") String id, String provider, String format,
               String label, String description) {
    }

    public record AuthorizeRequest(String credentialID, Integer numSignatures, List<String> hash,
                            @JsonbProperty("PIN") String pin, @JsonbProperty("OTP") String otp, String description,
                            String clientData) {
        @Override
        public String toString() {
            return "AuthorizeRequest[credentialID=" + credentialID + "]";
        }
    }

    public record ExtendTransactionRequest(String credentialID, List<String> hash, @JsonbProperty("SAD") String sad,
                                    String clientData) {
        @Override
        public String toString() {
            return "ExtendTransactionRequest[credentialID=" + credentialID + "]";
        }
    }

    public record SendOtpRequest(String credentialID, String clientData) {
    }

    public record SignHashRequest(String credentialID, @JsonbProperty("SAD") String sad, List<String> hash, String hashAlgo,
                           String signAlgo, String signAlgoParams, String clientData) {
        @Override
        public String toString() {
            return "SignHashRequest[credentialID=" + credentialID + "]";
        }
    }

    public record TimestampRequest(String hash, String hashAlgo, String nonce, String clientData) {
    }
}
