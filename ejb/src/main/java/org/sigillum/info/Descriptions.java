package org.sigillum.info;

import java.util.Locale;
import java.util.Map;

/** The service description in the languages Sigillum speaks; anything else falls back to English. */
final class Descriptions {

    record Localized(String lang, String description) {
    }

    static final String DEFAULT_LANGUAGE = "en";

    private static final Map<String, String> TEXTS = Map.of(
            "en", "Remote signing service: keys held in an HSM under the signer's sole control",
            "de", "Fernsignaturdienst: Schlüssel im HSM unter alleiniger Kontrolle des Unterzeichners",
            "fr", "Service de signature à distance : clés conservées dans un HSM sous le contrôle exclusif du signataire");

    private Descriptions() {
    }

    /** Accepts RFC 5646 tags ("de", "de-AT", "fr_FR") and answers with the closest language it has. */
    static Localized forLanguage(String requested) {
        if (requested != null && !requested.isBlank()) {
            String primary = requested.strip().replace('_', '-').split("-")[0].toLowerCase(Locale.ROOT);
            String text = TEXTS.get(primary);
            if (text != null) {
                return new Localized(primary, text);
            }
        }
        return new Localized(DEFAULT_LANGUAGE, TEXTS.get(DEFAULT_LANGUAGE));
    }
}
