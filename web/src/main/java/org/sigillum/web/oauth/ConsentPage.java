package org.sigillum.web.oauth;

import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.sigillum.api.oauth.AuthorizationStep;

/**
 * The consent page, the Signer's Interaction Component: what is to be signed (application, key, number of
 * signatures, each document's label, size and digest, previews), the factors, approve and decline; in English or
 * German, chosen by a switcher or Accept-Language. Everything the application sent is escaped text; the page runs
 * no script. Its order is its reading and focus order: language switcher, summary, documents, code request, PIN,
 * code, approve, decline.
 */
public final class ConsentPage {

    /** The consent page's language, once the user chose one with its switcher. */
    static final String LANGUAGE_COOKIE = "sigillum_lang";
    static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.GERMAN);
    private static final String BUNDLE = "org.sigillum.web.oauth.consent";
    /** The service's English messages that this page shows in the reader's language. */
    private static final Map<String, String> KNOWN_MESSAGES = knownMessages();

    private ConsentPage() {
    }

    /** The language: an explicit choice if it is one of ours, else the best of Accept-Language, else English. */
    static Locale choose(String chosen, List<Locale> acceptable) {
        for (Locale language : LANGUAGES) {
            if (language.getLanguage().equals(chosen)) {
                return language;
            }
        }
        for (Locale wanted : acceptable) {
            for (Locale language : LANGUAGES) {
                if (language.getLanguage().equals(wanted.getLanguage())) {
                    return language;
                }
            }
        }
        return Locale.ENGLISH;
    }

    /** The page in the language the reader chose with the switcher (a cookie), or else asks for (Accept-Language). */
    public static Response render(AuthorizationStep.Consent step, HttpHeaders headers) {
        Cookie chosen = headers.getCookies().get(LANGUAGE_COOKIE);
        return render(step, choose(chosen == null ? null : chosen.getValue(), headers.getAcceptableLanguages()));
    }

    static Response render(AuthorizationStep.Consent step, Locale locale) {
        ResourceBundle texts = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
        StringBuilder body = new StringBuilder();
        languages(body, texts, locale);
        String client = Pages.escape(step.form().clientName());
        String title;
        if (step.credential() == null) {
            title = texts.getString("title.access");
            body.append("<h1>").append(Pages.escape(title)).append("</h1><p>")
                    .append(format(texts, "signed.in", "<b>" + Pages.escape(step.userName()) + "</b>")).append("</p><p>")
                    .append(format(texts, "access.text", client)).append("</p>");
        } else {
            title = texts.getString("title.sign");
            body.append("<h1>").append(Pages.escape(title)).append("</h1><p>")
                    .append(format(texts, "signed.in", "<b>" + Pages.escape(step.userName()) + "</b>")).append("</p><p>")
                    .append(Pages.escape(texts.getString("sign.text"))).append("</p><dl class=\"summary\">");
            item(body, texts, "summary.application", client);
            item(body, texts, "summary.key", Pages.escape(step.credential()));
            item(body, texts, "summary.signatures", "<b>" + step.numSignatures() + "</b>");
            if (step.description() != null) {
                item(body, texts, "summary.description", Pages.escape(step.description()));
            }
            body.append("</dl>");
            documents(body, texts, step.documents());
        }
        Pages.error(body, translated(texts, step.error()));
        if (step.notice() != null) {
            body.append("<p class=\"notice\" role=\"status\">").append(Pages.escape(translated(texts, step.notice())))
                    .append("</p>");
        }
        boolean sent = step.otpRequired() && !step.codeChannels().isEmpty();
        if (sent) {
            // a form of its own, before the approval, so that Enter in the approval form approves and never re-sends
            body.append("<form method=\"post\" action=\"").append(AuthorizeResource.CONSENT_PATH).append("\">");
            Pages.csrf(body, step.form());
            body.append("<button type=\"submit\" class=\"secondary\" name=\"decision\" value=\"send-code\">")
                    .append(Pages.escape(texts.getString(step.codeChannels().get(0).equals("SMS_OTP") ? "send.sms"
                            : "send.email"))).append("</button></form>");
        }
        body.append("<form method=\"post\" action=\"").append(AuthorizeResource.CONSENT_PATH).append("\">");
        Pages.csrf(body, step.form());
        if (step.pinRequired()) {
            body.append("<label for=\"pin\">").append(Pages.escape(texts.getString("pin.label"))).append("</label>")
                    .append("<input type=\"password\" id=\"pin\" name=\"pin\" inputmode=\"numeric\" autocomplete=\"off\">");
        }
        if (step.otpRequired()) {
            body.append("<label for=\"otp\">").append(Pages.escape(texts.getString(sent ? "otp.label.sent" : "otp.label")))
                    .append("</label><input type=\"text\" id=\"otp\" name=\"otp\" inputmode=\"numeric\" ")
                    .append("autocomplete=\"one-time-code\" maxlength=\"8\">");
        }
        body.append("<button type=\"submit\" name=\"decision\" value=\"approve\">")
                .append(Pages.escape(texts.getString("approve"))).append("</button> ")
                .append("<button type=\"submit\" class=\"secondary\" name=\"decision\" value=\"deny\">")
                .append(Pages.escape(texts.getString("decline"))).append("</button></form>");
        return Pages.page(200, title, body, locale.getLanguage());
    }

    private static void languages(StringBuilder body, ResourceBundle texts, Locale current) {
        body.append("<nav class=\"lang\" aria-label=\"").append(Pages.escape(texts.getString("nav.language"))).append("\">");
        for (Locale language : LANGUAGES) {
            String name = ResourceBundle.getBundle(BUNDLE, language, ResourceBundle.Control.getNoFallbackControl(
                    ResourceBundle.Control.FORMAT_PROPERTIES)).getString("lang.name");
            body.append("<a href=\"").append(AuthorizeResource.CONSENT_PATH).append("?lang=").append(language.getLanguage())
                    .append("\" hreflang=\"").append(language.getLanguage()).append("\" lang=\"")
                    .append(language.getLanguage()).append('"')
                    .append(language.equals(current) ? " aria-current=\"page\"" : "").append('>')
                    .append(Pages.escape(name)).append("</a>");
        }
        body.append("</nav>");
    }

    private static void documents(StringBuilder body, ResourceBundle texts, List<AuthorizationStep.Document> documents) {
        if (documents.isEmpty()) {
            return;
        }
        body.append("<table><caption>").append(Pages.escape(texts.getString("documents.caption")))
                .append("</caption><thead><tr><th scope=\"col\">").append(Pages.escape(texts.getString("documents.label")))
                .append("</th><th scope=\"col\">").append(Pages.escape(texts.getString("documents.size")))
                .append("</th><th scope=\"col\">").append(Pages.escape(texts.getString("documents.digest")))
                .append("</th></tr></thead><tbody>");
        for (AuthorizationStep.Document document : documents) {
            body.append("<tr><td>").append(Pages.escape(document.label().isEmpty() ? texts.getString("documents.nolabel")
                            : document.label())).append("</td><td class=\"size\">")
                    .append(Pages.escape(document.size() >= 0 ? format(texts, "documents.bytes", String.valueOf(document.size()))
                            : texts.getString("documents.unknown")))
                    .append("</td><td><code>").append(Pages.escape(document.digest())).append("</code></td></tr>");
        }
        body.append("</tbody></table>");
        for (int i = 0; i < documents.size(); i++) {
            AuthorizationStep.Document document = documents.get(i);
            if ("image".equals(document.preview())) {
                body.append("<p><img class=\"preview\" src=\"").append(AuthorizeResource.PREVIEW_PATH).append('/').append(i)
                        .append("\" alt=\"").append(Pages.escape(format(texts, "preview.alt", document.label()))).append("\"></p>");
            } else if ("text".equals(document.preview())) {
                body.append("<pre class=\"preview\">").append(Pages.escape(document.text())).append("</pre>");
            }
        }
    }

    private static void item(StringBuilder body, ResourceBundle texts, String key, String html) {
        body.append("<dt>").append(Pages.escape(texts.getString(key))).append("</dt><dd>").append(html).append("</dd>");
    }

    /** A message with its arguments inserted as they are (callers escape them); the pattern itself is ours. */
    private static String format(ResourceBundle texts, String key, String argument) {
        return new MessageFormat(texts.getString(key).replace("'", "''"), texts.getLocale()).format(new Object[] {argument});
    }

    private static String translated(ResourceBundle texts, String message) {
        String key = message == null ? null : KNOWN_MESSAGES.get(message);
        return key == null ? message : texts.getString(key);
    }

    private static Map<String, String> knownMessages() {
        ResourceBundle english = ResourceBundle.getBundle(BUNDLE, Locale.ROOT);
        Map<String, String> known = new HashMap<>();
        for (String key : List.of("error.wrong", "error.missing", "error.flood", "sent.email", "sent.sms")) {
            known.put(english.getString(key), key);
        }
        return known;
    }
}
