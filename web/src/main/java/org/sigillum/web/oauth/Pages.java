package org.sigillum.web.oauth;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sigillum.api.federation.EnabledProvider;
import org.sigillum.api.oauth.AuthorizationStep;

/**
 * The login, consent and error pages of the authorization-code flow, rendered from the Mustache templates beside
 * this class ({@link ConsentPage} builds the consent page's model in the reader's language). Every value a template inserts is HTML-escaped by the template engine, with its bidi controls
 * shown rather than obeyed (a label cannot reorder itself to look like another), so no page builds markup
 * from data; the pages run no script, cannot be framed and are not cached.
 */
public final class Pages {

    /** Where the sign-in page's provider buttons post (the federation resource, under the cookie's path). */
    public static final String FEDERATION_PATH = AuthorizeResource.BASE + "/federation";
    private static final String TEMPLATES = "/org/sigillum/web/oauth/";
    private static final String SECURITY_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'";
    private static final EscapingMustacheFactory TEMPLATE_FACTORY = new EscapingMustacheFactory();
    private static final Mustache LOGIN = TEMPLATE_FACTORY.compile("login.mustache");
    private static final Mustache CONSENT = TEMPLATE_FACTORY.compile("consent.mustache");
    private static final Mustache ERROR = TEMPLATE_FACTORY.compile("error.mustache");

    private Pages() {
    }

    /** Mustache's factory with our escaping in place of its own: the same characters, and bidi controls shown. */
    private static final class EscapingMustacheFactory extends DefaultMustacheFactory {

        EscapingMustacheFactory() {
            // from this class's own loader: in the EAR the engine sits in lib/, which cannot see the WAR's resources
            super(name -> {
                InputStream in = Pages.class.getResourceAsStream(TEMPLATES + name);
                return in == null ? null : new InputStreamReader(in, StandardCharsets.UTF_8);
            });
        }

        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(escape(value));
            } catch (IOException e) {
                throw new MustacheException("cannot write a page", e);
            }
        }
    }

    public static Response login(AuthorizationStep.Login step, List<EnabledProvider> providers) {
        return page(200, loginPage(step, providers));
    }

    public static Response error(int status, String message) {
        return page(status, errorPage(message));
    }

    static String loginPage(AuthorizationStep.Login step, List<EnabledProvider> providers) {
        Map<String, Object> model = form(step.form(), AuthorizeResource.LOGIN_PATH, step.error());
        List<Map<String, Object>> buttons = new ArrayList<>();
        for (EnabledProvider provider : providers) {
            buttons.add(Map.of("alias", provider.alias(), "displayName", provider.displayName(),
                    "federationPath", FEDERATION_PATH));
        }
        model.put("providers", buttons);
        model.put("hasProviders", !buttons.isEmpty());
        return render(LOGIN, model);
    }

    /** The consent page from the model {@link ConsentPage} made (its texts already in the reader's language). */
    static Response consent(Map<String, Object> model) {
        return page(200, consentPage(model));
    }

    static String consentPage(Map<String, Object> model) {
        return render(CONSENT, model);
    }

    static String errorPage(String message) {
        Map<String, Object> model = new HashMap<>();
        model.put("error", message);
        return render(ERROR, model);
    }

    static Map<String, Object> form(AuthorizationStep.Form form, String action, String error) {
        Map<String, Object> model = new HashMap<>();
        model.put("clientName", form.clientName());
        model.put("action", action);
        model.put("csrf", form.csrf());
        model.put("error", error);
        return model;
    }

    private static String render(Mustache template, Map<String, Object> model) {
        StringWriter html = new StringWriter();
        try {
            template.execute(html, model).flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return html.toString();
    }

    private static Response page(int status, String html) {
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
}
