package org.sigillum.federation;

import java.io.Serializable;
import java.time.Instant;
import org.sigillum.api.federation.LevelOfAssurance;

/** A federated login that signed a user in for an authorization: by whom, as whom, at which level. */
public record FederatedSignIn(String alias, String subject, String userId, LevelOfAssurance level, Instant at)
        implements Serializable {
}
