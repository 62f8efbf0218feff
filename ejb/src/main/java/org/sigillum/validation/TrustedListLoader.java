package org.sigillum.validation;

import eu.europa.esig.dss.service.http.commons.CommonsDataLoader;
import eu.europa.esig.dss.service.http.commons.CommonsHttpClientResponseHandler;
import eu.europa.esig.dss.spi.exception.DSSExternalResourceException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.io.HttpClientConnectionManager;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * DSS's HTTP loader for the LOTL and the trusted lists: only the URLs {@link TrustedListUrls} allows, no redirects
 * (a redirect would lead around that check), addresses checked again when connecting, bodies cut off beyond
 * {@link #MAX_BYTES}, and short timeouts, so a slow or hostile server cannot hold a refresh for long.
 */
final class TrustedListLoader extends CommonsDataLoader {

    /** The largest EU trusted lists are a few MiB; a body beyond this is refused, not read into memory. */
    static final int MAX_BYTES = 32 * 1024 * 1024;
    private static final int TIMEOUT_MILLIS = 10_000;
    private static final long serialVersionUID = 1L;

    private final transient TrustedListUrls urls;

    TrustedListLoader(TrustedListUrls urls) {
        this.urls = urls;
        setRedirectsEnabled(false);
        setTimeoutConnection(TIMEOUT_MILLIS);
        setTimeoutConnectionRequest(TIMEOUT_MILLIS);
        setTimeoutResponse(TIMEOUT_MILLIS);
        setTimeoutSocket(TIMEOUT_MILLIS);
        setHttpClientResponseHandler(new LimitedResponseHandler());
    }

    @Override
    public byte[] get(String url) {
        String refusal = urls.refusal(url);
        if (refusal != null) {
            throw new DSSExternalResourceException("fetching " + url + " is not allowed: " + refusal);
        }
        return super.get(url);
    }

    @Override
    public byte[] post(String url, byte[] content) {
        throw new DSSExternalResourceException("trusted lists are only fetched with GET");
    }

    @Override
    protected HttpClientConnectionManager getConnectionManager() {
        return PoolingHttpClientConnectionManagerBuilder.create()
                .setTlsSocketStrategy(getTlsSocketStrategy())
                .setDefaultSocketConfig(getSocketConfig())
                .setDnsResolver(new PublicOnlyResolver(urls))
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofMilliseconds(TIMEOUT_MILLIS))
                        .setSocketTimeout(Timeout.ofMilliseconds(TIMEOUT_MILLIS)).build())
                .build();
    }

    /** At connection time: the configured hosts resolve as usual, every other host only to public addresses. */
    private static final class PublicOnlyResolver extends SystemDefaultDnsResolver {

        private final TrustedListUrls urls;

        PublicOnlyResolver(TrustedListUrls urls) {
            this.urls = urls;
        }

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            return urls.configuredHost(host) ? super.resolve(host) : TrustedListUrls.publicAddresses(host);
        }
    }

    private static final class LimitedResponseHandler extends CommonsHttpClientResponseHandler {

        @Override
        protected byte[] getContent(HttpEntity entity) throws IOException {
            try (InputStream in = entity.getContent()) {
                byte[] body = in.readNBytes(MAX_BYTES + 1);
                if (body.length > MAX_BYTES) {
                    throw new IOException("the document is larger than " + MAX_BYTES + " bytes");
                }
                return body;
            }
        }
    }
}
