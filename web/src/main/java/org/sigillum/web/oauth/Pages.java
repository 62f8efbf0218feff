package org.sigillum.web.oauth;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.sigillum.api.federation.EnabledProvider;
import org.sigillum.api.oauth.AuthorizationStep;

/**
 * The login and error pages (the consent page is ConsentPage's) of the authorization-code flow. Every value is HTML-escaped, with its bidi
 * controls shown rather than obeyed (a label cannot reorder itself to look like another); the pages
 * run no script, cannot be framed and are not cached.
 */
public final class Pages {

    /** Where the sign-in page's provider buttons post (the federation resource, under the cookie's path). */
    public static final String FEDERATION_PATH = AuthorizeResource.BASE + "/federation";
    private static final String LAYOUT = layout();
    private static final String SECURITY_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'";

    private Pages() {
    }

    public static Response login(AuthorizationStep.Login step, List<EnabledProvider> providers) {
        StringBuilder body = new StringBuilder();
        body.append("<h1>Sign in</h1><p class=\"muted\">").append(escape(step.form().clientName()))
                .append(" asks to act for you at this signing service.</p>");
        error(body, step.error());
        for (EnabledProvider provider : providers) {
            body.append("<form method=\"post\" action=\"").append(FEDERATION_PATH).append("\">");
            csrf(body, step.form());
            body.append("<input type=\"hidden\" name=\"provider\" value=\"").append(escape(provider.alias()))
                    .append("\"><button type=\"submit\" class=\"secondary\" id=\"idp-").append(escape(provider.alias()))
                    .append("\">Sign in with ").append(escape(provider.displayName())).append("</button></form>");
        }
        if (!providers.isEmpty()) {
            body.append("<p class=\"muted\">Or with a Sigillum account:</p>");
        }
        body.append("<form method=\"post\" action=\"").append(AuthorizeResource.LOGIN_PATH).append("\">");
        csrf(body, step.form());
        body.append("<label for=\"username\">Username</label>")
                .append("<input type=\"text\" id=\"username\" name=\"username\" autocomplete=\"username\" required>")
                .append("<label for=\"password\">Password</label>")
                .append("<input type=\"password\" id=\"password\" name=\"password\" autocomplete=\"current-password\" required>")
                .append("<button type=\"submit\">Sign in</button></form>");
        return page(200, "Sign in", body);
    }

    public static Response error(int status, String message) {
        StringBuilder body = new StringBuilder("<h1>This request cannot go on</h1>");
        error(body, message);
        body.append("<p class=\"muted\">Return to the application and start again.</p>");
        return page(status, "Error", body);
    }

    static void csrf(StringBuilder body, AuthorizationStep.Form form) {
        body.append("<input type=\"hidden\" name=\"csrf\" value=\"").append(escape(form.csrf())).append("\">");
    }

    static void error(StringBuilder body, String error) {
        if (error != null) {
            body.append("<p class=\"error\" role=\"alert\">").append(escape(error)).append("</p>");
        }
    }

    private static Response page(int status, String title, StringBuilder body) {
        return page(status, title, body, "en");
    }

    /** A page in language {@code lang} (a BCP 47 tag the page's texts are in). */
    static Response page(int status, String title, StringBuilder body, String lang) {
        String html = LAYOUT.replace("{{lang}}", escape(lang)).replace("{{title}}", escape(title)).replace("{{body}}", body);
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html)
                .header("Cache-Control", "no-store").header("Pragma", "no-cache")
                .header("Content-Security-Policy", SECURITY_POLICY).header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff").header("Referrer-Policy", "no-referrer").build();
    }

    static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (isBidiControl(c)) {
                        // shown, not obeyed: a file name like "invoice", U+202E, "fdp.exe" must read as what it is
                        out.append("[U+").append(String.format("%04X", (int) c)).append(']');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** Embeddings and overrides (U+202A–U+202E), isolates (U+2066–U+2069) and the implicit marks that reorder text. */
    static boolean isBidiControl(char c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F || c == 0x061C;
    }

    private static String layout() {
        try (InputStream in = Pages.class.getResourceAsStream("/org/sigillum/web/oauth/layout.mustache")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
