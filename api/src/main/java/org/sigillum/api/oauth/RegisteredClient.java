package org.sigillum.api.oauth;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/** A client application as the registry answers it; the secret is present only in the registration answer. */
@JsonbPropertyOrder({"clientId", "clientSecret", "clientName", "redirectUris", "scope", "tokenEndpointAuthMethod", "group"})
public record RegisteredClient(@JsonbProperty("client_id") String clientId,
                               @JsonbProperty("client_secret") String clientSecret,
                               @JsonbProperty("client_name") String clientName,
                               @JsonbProperty("redirect_uris") List<String> redirectUris,
                               @JsonbProperty("scope") String scope,
                               @JsonbProperty("token_endpoint_auth_method") String tokenEndpointAuthMethod,
                               @JsonbProperty("group") String group) {

    @Override
    public String toString() {
        return "RegisteredClient[" + clientId + "]";
    }
}
