package org.sigillum.validation;

import eu.europa.esig.dss.service.http.commons.CommonsDataLoader;
import eu.europa.esig.dss.service.http.commons.CommonsHttpClientResponseHandler;
import eu.europa.esig.dss.service.http.commons.OCSPDataLoader;
import eu.europa.esig.dss.spi.exception.DSSExternalResourceException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.apache.hc.core5.http.HttpEntity;

/**
 * DSS's HTTP loaders, refusing every URL that {@link AllowedUrls} does not list, sending requests to the operator's
 * configured OCSP responder or CRL instead of the ones a certificate names, and reading answers of bounded size.
 */
final class RestrictedLoaders {

    private static final int TIMEOUT_MILLIS = 5000;
    /** An OCSP response holds a few certificates at most. */
    static final int MAX_OCSP_RESPONSE_BYTES = 256 * 1024;
    /** A CRL of a large CA runs to megabytes; this leaves room without letting a server fill the heap. */
    static final int MAX_CRL_BYTES = 16 * 1024 * 1024;

    private RestrictedLoaders() {
    }

    /**
     * OCSP requests (POST) go to the configured responder when there is one, else to the URL the certificate names;
     * a GET carries the request in its URL, so it goes where DSS sends it, if allowed.
     */
    static OCSPDataLoader ocsp(AllowedUrls allowed) {
        Optional<String> override = allowed.ocspOverride();
        OCSPDataLoader loader = new OCSPDataLoader() {
            @Override
            public byte[] post(String url, byte[] content) {
                return super.post(target(allowed, override, url), content);
            }

            @Override
            public byte[] get(String url) {
                return super.get(target(allowed, Optional.empty(), url));
            }
        };
        limit(loader, MAX_OCSP_RESPONSE_BYTES);
        return loader;
    }

    /** CRLs come from the configured URL when there is one, else from the distribution points a certificate names. */
    static CommonsDataLoader crl(AllowedUrls allowed) {
        Optional<String> override = allowed.crlOverride();
        CommonsDataLoader loader = new CommonsDataLoader() {
            @Override
            public byte[] get(String url) {
                return super.get(target(allowed, override, url));
            }

            @Override
            public byte[] post(String url, byte[] content) {
                return super.post(target(allowed, override, url), content);
            }
        };
        limit(loader, MAX_CRL_BYTES);
        return loader;
    }

    /** Where a request for {@code url} really goes: the operator's override, if any; refused unless allowed. */
    private static String target(AllowedUrls allowed, Optional<String> override, String url) {
        String target = override.orElse(url);
        if (!allowed.allowed(target)) {
            throw new DSSExternalResourceException("fetching " + target + " is not allowed");
        }
        return target;
    }

    private static void limit(CommonsDataLoader loader, int maxResponseBytes) {
        loader.setTimeoutConnection(TIMEOUT_MILLIS);
        loader.setTimeoutResponse(TIMEOUT_MILLIS);
        loader.setHttpClientResponseHandler(new BoundedResponses(maxResponseBytes));
    }

    /** DSS's handling of HTTP answers (accepted statuses, errors), reading at most {@code max} bytes of a body. */
    private static final class BoundedResponses extends CommonsHttpClientResponseHandler {

        private final int max;

        BoundedResponses(int max) {
            this.max = max;
        }

        @Override
        protected byte[] getContent(HttpEntity entity) throws IOException {
            try (InputStream in = entity.getContent()) {
                byte[] body = in.readNBytes(max + 1);
                if (body.length > max) {
                    throw new IOException("the answer is larger than " + max + " bytes");
                }
                return body;
            }
        }
    }
}
