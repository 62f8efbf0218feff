package org.sigillum.api.oauth;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/**
 * An operator's registration of a client application, in the field names of RFC 7591. {@code scope} is
 * space-separated: {@code service}, {@code credential}, {@code admin}, {@code users}, {@code auditor}. {@code jwks}
 * is the client's public JWK set, required with {@code private_key_jwt}. {@code group} is the ID of the group the
 * client belongs to (default: the default group).
 */
public record ClientRegistrationRequest(@JsonbProperty("client_name") String clientName,
                                        @JsonbProperty("redirect_uris") List<String> redirectUris,
                                        @JsonbProperty("scope") String scope,
                                        @JsonbProperty("token_endpoint_auth_method") String tokenEndpointAuthMethod,
                                        @JsonbProperty("jwks") String jwks,
                                        @JsonbProperty("group") String group) {
}
