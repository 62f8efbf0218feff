package org.sigillum.api.audit;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * One client application's use of the service on one UTC day: authorizations granted, signatures made and
 * keys created, counted from the audit log. {@code client_id} is {@code auth/login} for tokens of CSC auth/login,
 * which name no client.
 */
public record UsageDay(String day, @JsonbProperty("client_id") String clientId, long authorizations, long signatures,
                       long keys) {
}
