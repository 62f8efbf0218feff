package org.sigillum.validation;

import eu.europa.esig.dss.service.http.commons.CommonsDataLoader;
import eu.europa.esig.dss.service.http.commons.OCSPDataLoader;
import eu.europa.esig.dss.spi.exception.DSSExternalResourceException;

/** DSS's HTTP loaders, refusing every URL that {@link AllowedUrls} does not list. */
final class RestrictedLoaders {

    private static final int TIMEOUT_MILLIS = 5000;

    private RestrictedLoaders() {
    }

    /** OCSP requests go to the configured responder when there is one, else to the URL the certificate names. */
    static OCSPDataLoader ocsp(AllowedUrls allowed) {
        java.util.Optional<String> override = allowed.ocspOverride();
        OCSPDataLoader loader = new OCSPDataLoader() {
            @Override
            public byte[] post(String url, byte[] content) {
                String target = override.orElse(url);
                require(allowed, target);
                return super.post(target, content);
            }

            @Override
            public byte[] get(String url) {
                require(allowed, url);
                return super.get(url);
            }
        };
        limit(loader);
        return loader;
    }

    static CommonsDataLoader crl(AllowedUrls allowed) {
        CommonsDataLoader loader = new CommonsDataLoader() {
            @Override
            public byte[] get(String url) {
                require(allowed, url);
                return super.get(url);
            }

            @Override
            public byte[] post(String url, byte[] content) {
                require(allowed, url);
                return super.post(url, content);
            }
        };
        limit(loader);
        return loader;
    }

    private static void limit(CommonsDataLoader loader) {
        loader.setTimeoutConnection(TIMEOUT_MILLIS);
        loader.setTimeoutResponse(TIMEOUT_MILLIS);
    }

    private static void require(AllowedUrls allowed, String url) {
        if (!allowed.allowed(url)) {
            throw new DSSExternalResourceException("fetching " + url + " is not allowed");
        }
    }
}
