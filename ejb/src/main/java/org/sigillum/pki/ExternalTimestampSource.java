package org.sigillum.pki;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.bouncycastle.tsp.TimeStampRequest;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;

/**
 * Tokens of an external RFC 3161 TSA over HTTP (RFC 3161 3.4), with optional HTTP basic authentication. The
 * answer must match the request (nonce, imprint), and the token must come from a TSA this server trusts
 * ({@link TimestampTrust}).
 */
final class ExternalTimestampSource implements TimestampSource {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** A time-stamp response with its certificates fits easily; a TSA that sends more is not answering. */
    static final int MAX_RESPONSE_BYTES = 256 * 1024;

    private final URI url;
    private final String authorization;
    private final java.util.function.Supplier<java.util.List<java.security.cert.X509Certificate>> anchors;

    /** {@code username} null: no authentication; {@code anchors}: what the TSA's certificate must chain to. */
    ExternalTimestampSource(URI url, String username, String password,
                            java.util.function.Supplier<java.util.List<java.security.cert.X509Certificate>> anchors) {
        this.url = url;
        this.anchors = anchors;
        this.authorization = username == null ? null : "Basic " + Base64.getEncoder().encodeToString(
                (username + ":" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public byte[] timestamp(String hashAlgorithmOid, byte[] hash, BigInteger nonce) throws ServiceException {
        TimeStampRequest request = TimestampTokens.request(hashAlgorithmOid, hash, nonce);
        try {
            HttpRequest.Builder http = HttpRequest.newBuilder(url).timeout(TIMEOUT)
                    .header("Content-Type", "application/timestamp-query")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded()));
            if (authorization != null) {
                http.header("Authorization", authorization);
            }
            HttpResponse<InputStream> response = HTTP.send(http.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new ServiceException(ErrorCode.TEMPORARILY_UNAVAILABLE,
                            "the external time-stamping authority answered HTTP " + response.statusCode());
                }
                byte[] bytes = body.readNBytes(MAX_RESPONSE_BYTES + 1);
                if (bytes.length > MAX_RESPONSE_BYTES) {
                    throw new ServiceException(ErrorCode.TEMPORARILY_UNAVAILABLE,
                            "the external time-stamping authority's answer is too large");
                }
                byte[] token = TimestampTokens.token(request, bytes);
                TimestampTrust.check(token, anchors.get(), java.time.Instant.now());
                return token;
            }
        } catch (IOException e) {
            throw new ServiceException(ErrorCode.TEMPORARILY_UNAVAILABLE,
                    "the external time-stamping authority cannot be reached", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceException(ErrorCode.TEMPORARILY_UNAVAILABLE, "interrupted while time-stamping", e);
        }
    }
}
