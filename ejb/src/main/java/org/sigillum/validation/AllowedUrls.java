package org.sigillum.validation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sigillum.settings.ServiceSettings;

/**
 * The only places validation and augmentation may fetch OCSP responses and CRLs from: this server's own PKI
 * services and the operator's configured ones. A document naming any other URL in its certificates cannot make
 * the server connect there (no server-side request forgery through a signature).
 */
@ApplicationScoped
public class AllowedUrls {

    @Inject
    ServiceSettings settings;
    /** Further URL prefixes, comma-separated (an external CA's OCSP responder and CRL distribution points). */
    @Inject
    @ConfigProperty(name = "sigillum.validation.allowed-urls")
    Optional<List<String>> extra;
    /** An OCSP responder asked instead of the one each certificate names (an external CA's, a TSP's own). */
    @Inject
    @ConfigProperty(name = "sigillum.ocsp.url")
    Optional<String> ocspUrl;
    /** A CRL fetched instead of the distribution points each certificate names. */
    @Inject
    @ConfigProperty(name = "sigillum.crl.url")
    Optional<String> crlUrl;

    /** The configured OCSP responder, if any. */
    Optional<String> ocspOverride() {
        return configured(ocspUrl);
    }

    /** The configured CRL, if any. */
    Optional<String> crlOverride() {
        return configured(crlUrl);
    }

    boolean allowed(String url) {
        List<String> prefixes = new ArrayList<>();
        prefixes.add(settings.publicUrl() + "/");
        extra.ifPresent(prefixes::addAll);
        ocspOverride().ifPresent(prefixes::add);
        crlOverride().ifPresent(prefixes::add);
        return url != null && prefixes.stream().anyMatch(p -> !p.isBlank() && url.startsWith(p.strip()));
    }

    /** A CLI expression of an unset variable leaves an empty value: that is no override. */
    private static Optional<String> configured(Optional<String> url) {
        return url.map(String::strip).filter(u -> !u.isEmpty());
    }
}
