package org.sigillum.oauth;

import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.Issuer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Set;
import org.sigillum.settings.ServiceSettings;

/** The authorization server's issuer identifier and endpoint URLs, all under the server's public URL. */
@ApplicationScoped
public class OAuthEndpoints {

    public static final String BASE = "/csc/v2/oauth2";

    @Inject
    ServiceSettings settings;

    public Issuer issuer() {
        return new Issuer(settings.publicUrl());
    }

    public URI endpoint(String name) {
        return URI.create(settings.publicUrl() + BASE + "/" + name);
    }

    /** The audiences a client assertion (private_key_jwt) may name: the issuer or the endpoint it is sent to. */
    Set<Audience> assertionAudiences() {
        return Set.of(new Audience(settings.publicUrl()), new Audience(endpoint("token")), new Audience(endpoint("pushed_authorize")),
                new Audience(endpoint("revoke")));
    }
}
