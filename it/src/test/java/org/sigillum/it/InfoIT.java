package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InfoIT {

    @Test
    void postWithEmptyObjectAnswersTheCscV2InfoResponse() {
        Sigillum.Reply reply = Sigillum.postJson("/csc/v2/info", "{}");
        assertEquals(200, reply.status(), reply.body());
        JsonNode info = reply.json();
        assertEquals("2.0.0.2", info.get("specs").asText());
        assertEquals("Sigillum", info.get("name").asText());
        assertEquals("en", info.get("lang").asText());
        assertTrue(info.get("logo").asText().startsWith("http"));
        assertEquals(2, info.get("region").asText().length());
        assertTrue(info.get("description").asText().length() > 10);
        assertEquals(List.of("basic", "oauth2code"), texts(info.get("authType")),
                "auth/login with HTTP Basic is on by default, beside the OAuth 2.0 authorization code flow");
        assertEquals(List.of("info", "auth/login", "auth/revoke", "credentials/list", "credentials/info",
                "credentials/authorize", "credentials/extendTransaction", "credentials/getChallenge", "signatures/signHash",
                "signatures/timestamp", "signatures/signDoc", "signatures/signPolling", "oauth2/authorize", "oauth2/token",
                "oauth2/revoke", "oauth2/pushed_authorize"), texts(info.get("methods")),
                "only implemented methods are listed");
        String base = Sigillum.env("SIGILLUM_IT_URL");
        assertFalse(info.has("oauth2"), "oauth2 and oauth2Issuer exclude each other (CSC v2 11.1): " + info);
        assertEquals(base, info.get("oauth2Issuer").asText());
        assertEquals(base, Sigillum.get("/.well-known/oauth-authorization-server", null).json().get("issuer").asText());
    }

    @Test
    void signDocIsDescribedBySignatureFormatsAndConformanceLevels() {
        JsonNode info = Sigillum.postJson("/csc/v2/info", "{}").json();
        JsonNode formats = info.path("signature_formats");
        assertEquals(List.of("C", "X", "P", "J"), texts(formats.path("formats")), info.toString());
        JsonNode envelopes = formats.path("envelope_properties");
        assertEquals(4, envelopes.size(), "one list of envelope properties per format");
        assertEquals(List.of("Attached", "Detached"), texts(envelopes.get(0)));
        assertEquals(List.of("Enveloped", "Enveloping", "Detached"), texts(envelopes.get(1)));
        assertEquals(List.of("Revision", "Certification"), texts(envelopes.get(2)));
        assertEquals(List.of("Attached", "Detached"), texts(envelopes.get(3)));
        assertEquals(List.of("Ades-B-B", "Ades-B-T", "Ades-B-LT", "Ades-B-LTA"), texts(info.path("conformance_levels")));
        assertTrue(info.path("validationInfo").asBoolean(), "signDoc answers returnValidationInfo");
        assertTrue(info.path("asynchronousOperationMode").asBoolean(false), "signHash and signDoc take operationMode A");
        assertTrue(texts(info.path("methods")).contains("signatures/signPolling"), "asynchronous outcomes are polled");
    }

    @Test
    void theLogoInfoNamesAnswers() {
        String logo = Sigillum.postJson("/csc/v2/info", "{}").json().get("logo").asText();
        String base = Sigillum.env("SIGILLUM_IT_URL");
        assertTrue(logo.startsWith(base + "/"), logo);
        byte[] png = Sigillum.getBytes(logo.substring(base.length()));
        assertTrue(png.length > 8 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "a PNG");
    }

    @Test
    void signatureAlgorithmsComeFromTheHsmMechanisms() {
        List<String> algos = texts(Sigillum.postJson("/csc/v2/info", "{}").json().path("signAlgorithms").path("algos"));
        assertTrue(algos.containsAll(List.of("1.2.840.113549.1.1.1", "1.2.840.113549.1.1.11", "1.2.840.113549.1.1.10",
                "1.2.840.10045.4.3.2", "1.2.840.10045.4.3.3", "1.2.840.10045.4.3.4")), algos.toString());
        assertTrue(algos.stream().noneMatch(oid -> oid.equals("1.2.840.113549.1.1.5")), "no SHA-1 RSA: " + algos);
    }

    @Test
    void knownLanguageIsAnsweredInIt() {
        JsonNode info = Sigillum.postJson("/csc/v2/info", "{\"lang\":\"de-AT\"}").json();
        assertEquals("de", info.get("lang").asText());
        assertTrue(info.get("description").asText().contains("Schlüssel"));
    }

    @Test
    void unknownLanguageFallsBackToEnglish() {
        Sigillum.Reply reply = Sigillum.postJson("/csc/v2/info", "{\"lang\":\"xx-YY\"}");
        assertEquals(200, reply.status());
        assertEquals("en", reply.json().get("lang").asText());
    }

    @Test
    void getIsAnsweredToo() {
        Sigillum.Reply reply = Sigillum.get("/csc/v2/info?lang=fr", null);
        assertEquals(200, reply.status(), reply.body());
        assertEquals("fr", reply.json().get("lang").asText());
    }

    @Test
    void g5MalformedJsonIsInvalidRequest() {
        ApiErrors.assertError(Sigillum.postJson("/csc/v2/info", "{\"lang\": "), 400, "invalid_request");
        ApiErrors.assertError(Sigillum.postJson("/csc/v2/info", "[1,2"), 400, "invalid_request");
        ApiErrors.assertError(Sigillum.postJson("/csc/v2/info", "{\"lang\": {\"deep\": [}}"), 400, "invalid_request");
    }

    @Test
    void g5WrongTypeForLangIsInvalidRequest() {
        ApiErrors.assertError(Sigillum.postJson("/csc/v2/info", "{\"lang\": [\"en\"]}"), 400, "invalid_request");
    }

    @Test
    void wrongContentTypeIsRefusedInTheApiFormat() {
        ApiErrors.assertError(Sigillum.post("/csc/v2/info", "text/plain", "lang=en", null), 415, "invalid_request");
    }

    @Test
    void d4OversizedBodyIsRefusedAt413BeforeItIsRead() throws Exception {
        ApiErrors.assertError(OversizedUpload.send("/csc/v2/info", false), 413, "payload_too_large");
        assertEquals(200, Sigillum.postJson("/csc/v2/info", "{}").status(), "the server stays healthy");
    }

    @Test
    void d4OversizedChunkedBodyIsRefusedAt413WhileItIsRead() throws Exception {
        ApiErrors.assertError(OversizedUpload.send("/csc/v2/info", true), 413, "payload_too_large");
    }

    @Test
    void unknownMethodIsNotFoundInTheApiFormat() {
        ApiErrors.assertError(Sigillum.postJson("/csc/v2/no-such-method", "{}"), 404, "not_found");
    }

    @Test
    void openApiDocumentDescribesTheApis() {
        Sigillum.Reply reply = Sigillum.get("/openapi?format=JSON", null);
        assertEquals(200, reply.status());
        JsonNode paths = reply.json().get("paths");
        assertTrue(paths.has("/csc/v2/info"), paths.toString());
        assertTrue(paths.has("/api/v1/users"), paths.toString());
    }

    @Test
    void readinessReportsHsmAndDatabase() {
        Sigillum.Reply reply = Sigillum.get("/health/ready", null);
        assertEquals(200, reply.status(), reply.body());
        List<String> names = new ArrayList<>();
        reply.json().get("checks").forEach(check -> {
            names.add(check.get("name").asText());
            assertEquals("UP", check.get("status").asText());
        });
        assertEquals(List.of("hsm", "database"), names);
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(node -> out.add(node.asText()));
        return out;
    }
}
