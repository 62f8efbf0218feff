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
 * The login, consent and error pages of the authorization-code flow. Every value is HTML-escaped, with its bidi
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

    public static Response consent(AuthorizationStep.Consent step) {
        StringBuilder body = new StringBuilder();
        String client = escape(step.form().clientName());
        if (step.credential() == null) {
            body.append("<h1>Allow access</h1><p>Signed in as <b>").append(escape(step.userName())).append("</b>.</p><p>")
                    .append(client).append(" asks to see your signing credentials and to request signatures. ")
                    .append("Each signature will still need your approval.</p>");
        } else {
            body.append("<h1>Approve signing</h1><p>Signed in as <b>").append(escape(step.userName())).append("</b>.</p><p>")
                    .append(client).append(" asks you to sign <b>").append(step.numSignatures())
                    .append(step.numSignatures() == 1 ? " document" : " documents").append("</b> with your key ")
                    .append(escape(step.credential())).append(".</p>");
            if (step.description() != null) {
                body.append("<p>").append(escape(step.description())).append("</p>");
            }
            if (!step.documents().isEmpty()) {
                body.append("<table><tr><th>Document</th><th>Digest (base64)</th></tr>");
                for (AuthorizationStep.Document document : step.documents()) {
                    body.append("<tr><td>").append(escape(document.label().isEmpty() ? "(no label)" : document.label()));
                    if (document.size() >= 0) {
                        body.append("<br><span class=\"muted\">").append(document.size()).append(" bytes</span>");
                    }
                    body.append("</td><td><code>").append(escape(document.digest())).append("</code></td></tr>");
                }
                body.append("</table>");
                for (int i = 0; i < step.documents().size(); i++) {
                    AuthorizationStep.Document document = step.documents().get(i);
                    if ("image".equals(document.preview())) {
                        body.append("<p><img class=\"preview\" src=\"").append(AuthorizeResource.PREVIEW_PATH).append('/')
                                .append(i).append("\" alt=\"first page of ").append(escape(document.label())).append("\"></p>");
                    } else if ("text".equals(document.preview())) {
                        body.append("<pre class=\"preview\">").append(escape(document.text())).append("</pre>");
                    }
                }
            }
        }
        error(body, step.error());
        body.append("<form method=\"post\" action=\"").append(AuthorizeResource.CONSENT_PATH).append("\">");
        csrf(body, step.form());
        if (step.pinRequired()) {
            body.append("<label for=\"pin\">Signing PIN</label>")
                    .append("<input type=\"password\" id=\"pin\" name=\"pin\" inputmode=\"numeric\" autocomplete=\"off\">");
        }
        if (step.otpRequired()) {
            body.append("<label for=\"otp\">One-time code from your authenticator app</label>")
                    .append("<input type=\"text\" id=\"otp\" name=\"otp\" inputmode=\"numeric\" ")
                    .append("autocomplete=\"one-time-code\" maxlength=\"6\">");
        }
        body.append("<button type=\"submit\" name=\"decision\" value=\"approve\">Approve</button> ")
                .append("<button type=\"submit\" class=\"secondary\" name=\"decision\" value=\"deny\">Decline</button>")
                .append("</form>");
        return page(200, step.credential() == null ? "Allow access" : "Approve signing", body);
    }

    public static Response error(int status, String message) {
        StringBuilder body = new StringBuilder("<h1>This request cannot go on</h1>");
        error(body, message);
        body.append("<p class=\"muted\">Return to the application and start again.</p>");
        return page(status, "Error", body);
    }

    private static void csrf(StringBuilder body, AuthorizationStep.Form form) {
        body.append("<input type=\"hidden\" name=\"csrf\" value=\"").append(escape(form.csrf())).append("\">");
    }

    private static void error(StringBuilder body, String error) {
        if (error != null) {
            body.append("<p class=\"error\" role=\"alert\">").append(escape(error)).append("</p>");
        }
    }

    private static Response page(int status, String title, StringBuilder body) {
        String html = LAYOUT.replace("{{title}}", escape(title)).replace("{{body}}", body);
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
