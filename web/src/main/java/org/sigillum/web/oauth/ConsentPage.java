package org.sigillum.web.oauth;

import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.text.MessageFormat;
import java.util.ArrayList;
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
        return Pages.consent(model(step, locale));
    }

    /** What consent.mustache shows, every text in {@code locale}; the template escapes each value. */
    static Map<String, Object> model(AuthorizationStep.Consent step, Locale locale) {
        ResourceBundle texts = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
        Map<String, Object> model = Pages.form(step.form(), AuthorizeResource.CONSENT_PATH,
                translated(texts, step.error()));
        model.put("lang", locale.getLanguage());
        model.put("navLabel", texts.getString("nav.language"));
        model.put("languages", languages(locale));
        model.put("signedIn", format(texts, "signed.in", step.userName()));
        String client = step.form().clientName();
        if (step.credential() == null) {
            model.put("title", texts.getString("title.access"));
            model.put("accessText", format(texts, "access.text", client));
        } else {
            model.put("title", texts.getString("title.sign"));
            model.put("credential", step.credential());
            model.put("signText", texts.getString("sign.text"));
            List<Map<String, Object>> summary = new ArrayList<>();
            summary.add(Map.of("term", texts.getString("summary.application"), "value", client));
            summary.add(Map.of("term", texts.getString("summary.key"), "value", step.credential()));
            summary.add(Map.of("term", texts.getString("summary.signatures"), "value", String.valueOf(step.numSignatures())));
            if (step.description() != null) {
                summary.add(Map.of("term", texts.getString("summary.description"), "value", step.description()));
            }
            model.put("summary", summary);
            documents(model, texts, step.documents());
        }
        model.put("notice", step.notice() == null ? null : translated(texts, step.notice()));
        boolean sent = step.otpRequired() && !step.codeChannels().isEmpty();
        // a form of its own, before the approval, so that Enter in the approval form approves and never re-sends
        model.put("sendLabel", !sent ? null
                : texts.getString(step.codeChannels().get(0).equals("SMS_OTP") ? "send.sms" : "send.email"));
        model.put("pinLabel", step.pinRequired() ? texts.getString("pin.label") : null);
        model.put("otpLabel", step.otpRequired() ? texts.getString(sent ? "otp.label.sent" : "otp.label") : null);
        model.put("approve", texts.getString("approve"));
        model.put("decline", texts.getString("decline"));
        return model;
    }

    private static List<Map<String, Object>> languages(Locale current) {
        List<Map<String, Object>> languages = new ArrayList<>();
        for (Locale language : LANGUAGES) {
            String name = ResourceBundle.getBundle(BUNDLE, language, ResourceBundle.Control.getNoFallbackControl(
                    ResourceBundle.Control.FORMAT_PROPERTIES)).getString("lang.name");
            languages.add(Map.of("code", language.getLanguage(), "name", name, "current", language.equals(current)));
        }
        return languages;
    }

    private static void documents(Map<String, Object> model, ResourceBundle texts, List<AuthorizationStep.Document> documents) {
        model.put("hasDocuments", !documents.isEmpty());
        model.put("documentsCaption", texts.getString("documents.caption"));
        model.put("documentsLabel", texts.getString("documents.label"));
        model.put("documentsSize", texts.getString("documents.size"));
        model.put("documentsDigest", texts.getString("documents.digest"));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            AuthorizationStep.Document document = documents.get(i);
            Map<String, Object> row = new HashMap<>();
            row.put("label", document.label().isEmpty() ? texts.getString("documents.nolabel") : document.label());
            row.put("size", document.size() >= 0 ? format(texts, "documents.bytes", String.valueOf(document.size()))
                    : texts.getString("documents.unknown"));
            row.put("digest", document.digest());
            if ("image".equals(document.preview())) {
                row.put("image", AuthorizeResource.PREVIEW_PATH + "/" + i);
                row.put("alt", format(texts, "preview.alt", document.label()));
            } else if ("text".equals(document.preview())) {
                row.put("text", document.text());
            }
            rows.add(row);
        }
        model.put("documents", rows);
    }

    /** A message with its argument inserted (the template escapes the result); the pattern itself is ours. */
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
