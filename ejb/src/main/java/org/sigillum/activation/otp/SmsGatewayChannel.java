package org.sigillum.activation.otp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;

/**
 * Codes by SMS through an HTTP gateway ({@code sigillum.sms.gateway-url}): one POST of
 * {@code {"to":"+E.164 number","text":"…"}} per message, with {@code Authorization: Bearer} when
 * {@code sigillum.sms.gateway-token} is set; any 2xx answer means accepted.
 */
@ApplicationScoped
public class SmsGatewayChannel implements OtpChannel {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Inject
    @ConfigProperty(name = "sigillum.sms.gateway-url")
    Optional<String> gatewayUrl;
    @Inject
    @ConfigProperty(name = "sigillum.sms.gateway-token")
    Optional<String> gatewayToken;

    @Override
    public String id() {
        return OtpChannels.SMS;
    }

    @Override
    public boolean accepts(String recipient) {
        return recipient != null && E164.matcher(recipient).matches();
    }

    @Override
    public String normalized(String recipient) {
        return recipient;
    }

    @Override
    public void deliver(String recipient, String code, Duration validity) throws ServiceException {
        if (gatewayUrl.isEmpty() || gatewayUrl.get().isBlank()) {
            throw new ServiceException(ErrorCode.TEMPORARILY_UNAVAILABLE, "no SMS gateway is configured");
        }
        String body = Json.createObjectBuilder().add("to", recipient).add("text", OtpMessages.text(code, validity))
                .build().toString();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gatewayUrl.get())).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        gatewayToken.filter(t -> !t.isBlank()).ifPresent(t -> request.header("Authorization", "Bearer " + t));
        int status;
        try {
            status = HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            status = 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 0;
        }
        if (status / 100 != 2) {
            throw new ServiceException(ErrorCode.TEMPORARILY_UNAVAILABLE, "the code could not be sent by SMS; retry later");
        }
    }
}
