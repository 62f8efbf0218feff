package org.sigillum.web.oauth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The server's public URL, as clients address it (behind a balancer it is not the request's own host). */
@ApplicationScoped
public class PublicUrls {

    @Inject
    @ConfigProperty(name = "sigillum.public-url", defaultValue = "http://127.0.0.1:8080")
    String publicUrl;

    public String base() {
        return publicUrl;
    }

    public URI oauth(String endpoint) {
        return URI.create(publicUrl + "/csc/v2/oauth2/" + endpoint);
    }

    public boolean secure() {
        return publicUrl.startsWith("https:");
    }
}
