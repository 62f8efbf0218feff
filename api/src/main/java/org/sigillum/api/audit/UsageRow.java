package org.sigillum.api.audit;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.Map;

/**
 * One service provider's or one group's use of the service in one UTC day or month, counted from the audit log:
 * authorizations granted, signatures made (in all and by format and level, {@code hash} for signHash), keys created
 * and one-time passwords sent. {@code client_id} is {@code auth/login} for tokens of CSC auth/login, which name no
 * client, and absent when grouped by group.
 */
@JsonbPropertyOrder({"period", "group", "clientId", "authorizations", "signatures", "signaturesByFormat", "keys",
        "otpsSent"})
public record UsageRow(String period, String group, @JsonbProperty("client_id") String clientId, long authorizations,
                       long signatures, Map<String, Long> signaturesByFormat, long keys, long otpsSent) {
}
