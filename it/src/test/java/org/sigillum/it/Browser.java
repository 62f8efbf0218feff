package org.sigillum.it;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A user's browser in the authorization-code flow: it keeps cookies, does not follow redirects (the test reads
 * where the server sends it), and submits the page's forms with the hidden fields they carry.
 */
final class Browser {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private Sigillum.Reply page;

    /** A GET in this browser that does not replace the current page (an image the page refers to). */
    Sigillum.Reply get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    Sigillum.Reply open(String pathAndQuery) {
        page = send(HttpRequest.newBuilder(uri(pathAndQuery)).GET());
        return page;
    }

    /** Submits a form to {@code path} with the current page's CSRF value and the given fields. */
    Sigillum.Reply submit(String path, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("csrf", csrf());
        all.putAll(fields);
        return post(path, all);
    }

    Sigillum.Reply post(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> Sigillum.urlEncode(e.getKey()) + "=" + Sigillum.urlEncode(e.getValue()))
                .collect(Collectors.joining("&"));
        page = send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        return page;
    }

    /** A path on the server under test, or an absolute URL (another node of a cluster: cookies go to every port). */
    private static URI uri(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : Sigillum.url(pathOrUrl));
    }

    String csrf() {
        Matcher m = CSRF.matcher(page == null ? "" : page.body());
        if (!m.find()) {
            throw new AssertionError("the page has no CSRF field: " + page);
        }
        return m.group(1);
    }

    private Sigillum.Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Sigillum.Reply(response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
