import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * bin/sigillum conformance: the project's CSC conformance checks, run against any CSC server's base URL
 * (".../csc/v2" or ".../csc/v1"), with only the JDK, so that it judges other servers as it judges Sigillum.
 * Without an account it checks info and the method list's truthfulness and the error format; with --user,
 * --password and --pin (an account that may log in with auth/login and has a credential) it also checks
 * authorization, hash binding, single use of the SAD, a wrong PIN, and verifies a signature with JCA.
 * Prints PASS or FAIL per check and "N passed, N failed"; exits 1 when a check failed.
 */
public final class CscConformance {

    private static final String SHA256 = "2.16.840.1.101.3.4.2.1";
    private static final List<String> V2_METHODS = List.of("auth/login", "auth/revoke", "credentials/list",
            "credentials/info", "credentials/authorize", "credentials/authorizeCheck", "credentials/getChallenge",
            "credentials/extendTransaction", "signatures/signHash", "signatures/signDoc", "signatures/signPolling",
            "signatures/timestamp");
    private static final List<String> V1_METHODS = List.of("auth/login", "auth/revoke", "credentials/list",
            "credentials/info", "credentials/authorize", "credentials/extendTransaction", "credentials/sendOTP",
            "signatures/signHash", "signatures/timestamp");

    private final String base;
    private final boolean v1;
    private final HttpClient http;
    private int passed;
    private int failed;
    /** info announced asynchronousOperationMode and lists signatures/signPolling: the signing checks try it. */
    private boolean asynchronous;

    private CscConformance(String base, HttpClient http) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.v1 = this.base.endsWith("/v1");
        this.http = http;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        String url = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--") && i + 1 < args.length) {
                options.put(args[i].substring(2), args[++i]);
            } else if (url == null) {
                url = args[i];
            } else {
                usage();
            }
        }
        if (url == null || !url.matches("https?://.+")) {
            usage();
        }
        CscConformance checks = new CscConformance(url, client(options.get("cacert")));
        checks.run(options);
        System.out.println(checks.passed + " passed, " + checks.failed + " failed");
        System.exit(checks.failed == 0 ? 0 : 1);
    }

    private static void usage() {
        System.err.println("usage: bin/sigillum conformance BASE_URL [--user U --password P --pin PIN] [--cacert ROOT.pem]");
        System.err.println("  BASE_URL: the CSC base URI, e.g. http://127.0.0.1:8080/csc/v2 (or /csc/v1)");
        System.exit(2);
    }

    private static HttpClient client(String caFile) throws Exception {
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10));
        if (caFile != null) {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            try (InputStream in = Files.newInputStream(Path.of(caFile))) {
                int n = 0;
                for (var certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    trust.setCertificateEntry("ca" + n++, certificate);
                }
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            builder.sslContext(context);
        }
        return builder.build();
    }

    private void run(Map<String, String> options) {
        Map<String, Object> info = infoChecks();
        if (info == null) {
            return;
        }
        methodListChecks(info);
        errorChecks();
        if (options.containsKey("user")) {
            signingChecks(options.get("user"), options.get("password"), options.get("pin"));
        }
    }

    // ---- info ----

    private Map<String, Object> infoChecks() {
        Reply reply = post("info", "{}", null);
        if (!check("info answers 200 with a JSON object", reply.status == 200 && reply.json instanceof Map, reply)) {
            return null;
        }
        Map<String, Object> info = reply.object();
        String specs = string(info, "specs");
        check("info.specs names API version " + (v1 ? "1" : "2"), specs != null && specs.startsWith(v1 ? "1." : "2."), specs);
        for (String field : List.of("name", "logo", "region", "lang", "description")) {
            check("info." + field + " is a string", string(info, field) != null, info.get(field));
        }
        List<String> authType = strings(info.get("authType"));
        List<String> methods = strings(info.get("methods"));
        asynchronous = !v1 && Boolean.TRUE.equals(info.get("asynchronousOperationMode")) && methods != null
                && methods.contains("signatures/signPolling");
        check("info.authType is an array of known types", authType != null && List.of("external", "TLS", "tls", "basic",
                "digest", "oauth2code", "oauth2client", "implicit").containsAll(authType), authType);
        check("info.methods is an array that lists info", methods != null && methods.contains("info"), methods);
        String oauth2 = string(info, "oauth2");
        String issuer = string(info, "oauth2Issuer");
        boolean oauthTypes = authType != null && (authType.contains("oauth2code") || authType.contains("oauth2client"));
        if (v1) {
            check("info.oauth2 is present when authType has oauth2", !oauthTypes || oauth2 != null, oauth2);
            check("info has no v2-only fields", issuer == null && !info.containsKey("signature_formats"), info.keySet());
        } else {
            check("info has exactly one of oauth2 and oauth2Issuer when authType has oauth2",
                    !oauthTypes || (oauth2 == null) != (issuer == null), "oauth2=" + oauth2 + " oauth2Issuer=" + issuer);
            Object algorithms = info.get("signAlgorithms");
            check("info.signAlgorithms.algos is a non-empty array of OIDs", algorithms instanceof Map<?, ?> map
                    && strings(map.get("algos")) != null && !strings(map.get("algos")).isEmpty()
                    && strings(map.get("algos")).stream().allMatch(o -> o.matches("[0-2](\\.\\d+)+")), algorithms);
            if (methods != null && methods.contains("signatures/signDoc")) {
                Object formats = info.get("signature_formats");
                check("info.signature_formats is present with signDoc", formats instanceof Map<?, ?> map
                        && strings(map.get("formats")) != null && !strings(map.get("formats")).isEmpty(), formats);
                check("info.conformance_levels is present with signDoc",
                        strings(info.get("conformance_levels")) != null, info.get("conformance_levels"));
            }
            for (String flag : List.of("asynchronousOperationMode", "validationInfo")) {
                check("info." + flag + " is absent or boolean", !info.containsKey(flag) || info.get(flag) instanceof Boolean,
                        info.get(flag));
            }
            if (issuer != null) {
                Reply metadata = get(issuer + "/.well-known/oauth-authorization-server");
                check("oauth2Issuer's RFC 8414 metadata names the same issuer", metadata.status == 200
                        && metadata.json instanceof Map && issuer.equals(metadata.object().get("issuer")), metadata);
            }
        }
        if (oauth2 != null) {
            check("info.oauth2 has no trailing slash (clients append /oauth2/...)", !oauth2.endsWith("/"), oauth2);
        }
        String logo = string(info, "logo");
        if (logo != null && logo.matches("https?://.+")) {
            check("info.logo answers 200", get(logo).status == 200, logo);
        }
        Reply byGet = get(base + "/info");
        check("info answers GET as well", byGet.status == 200, byGet);
        return info;
    }

    // ---- the method list is true ----

    private void methodListChecks(Map<String, Object> info) {
        List<String> methods = strings(info.get("methods"));
        for (String method : v1 ? V1_METHODS : V2_METHODS) {
            Reply reply = post(method, "{}", null);
            boolean exists = reply.status != 404 && reply.status != 501;
            if (methods.contains(method)) {
                check("listed method " + method + " exists", exists, reply);
            } else {
                check("unlisted method " + method + " answers 404 or 501", !exists, reply);
            }
        }
    }

    // ---- errors ----

    private void errorChecks() {
        Reply anonymous = post("credentials/list", "{}", null);
        check("credentials/list without a token: 401 with an error object", anonymous.status == 401
                && anonymous.json instanceof Map && anonymous.object().get("error") instanceof String, anonymous);
        Reply forged = post("credentials/list", "{}", "not-a-token-" + Long.toHexString(new SecureRandom().nextLong()));
        check("an unknown bearer token: 401 invalid_token", forged.status == 401 && "invalid_token".equals(error(forged)),
                forged);
        Reply malformed = post("info", "{\"lang\": ", null);
        check("malformed JSON: 400 invalid_request", malformed.status == 400 && "invalid_request".equals(error(malformed)),
                malformed);
    }

    // ---- authorization and signing ----

    private void signingChecks(String user, String password, String pin) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        Reply login = send(HttpRequest.newBuilder(URI.create(base + "/auth/login")).header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        if (!check("auth/login with HTTP Basic gives an access_token", login.status == 200 && login.json instanceof Map
                && login.object().get("access_token") instanceof String, login)) {
            return;
        }
        String token = (String) login.object().get("access_token");
        Reply list = post("credentials/list", "{}", token);
        List<String> ids = list.json instanceof Map ? strings(list.object().get("credentialIDs")) : null;
        if (!check("credentials/list names the account's credentials", list.status == 200 && ids != null && !ids.isEmpty(),
                list)) {
            return;
        }
        String credential = ids.get(0);
        Reply info = post("credentials/info", "{\"credentialID\":" + quote(credential) + ",\"certificates\":\"single\"}",
                token);
        if (!check("credentials/info answers key and cert", info.status == 200 && info.json instanceof Map
                && info.object().get("key") instanceof Map && info.object().get("cert") instanceof Map, info)) {
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> key = (Map<String, Object>) info.object().get("key");
        @SuppressWarnings("unchecked")
        Map<String, Object> cert = (Map<String, Object>) info.object().get("cert");
        List<String> algos = strings(key.get("algo"));
        check("credentials/info key.algo lists OIDs", algos != null && algos.stream().allMatch(o -> o.matches("[0-2](\\.\\d+)+")),
                algos);
        check("credentials/info key.curve is absent or an OID", key.get("curve") == null
                || String.valueOf(key.get("curve")).matches("[0-2](\\.\\d+)+"), key.get("curve"));
        X509Certificate certificate;
        try {
            certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(
                    Base64.getDecoder().decode(strings(cert.get("certificates")).get(0))));
        } catch (Exception e) {
            check("credentials/info cert.certificates[0] is a base64 X.509 certificate", false, e);
            return;
        }
        boolean ec = algos != null && algos.contains("1.2.840.10045.4.3.2");
        String signAlgo = ec ? "1.2.840.10045.4.3.2" : "1.2.840.113549.1.1.11";

        byte[] data = new byte[64];
        new SecureRandom().nextBytes(data);
        byte[] hash = sha256(data);
        byte[] otherHash = sha256(sha256(data));
        Reply refused = authorize(token, credential, hash, pin + "0");
        check("a wrong PIN: 400 invalid_authentication_data (or invalid_request)", refused.status == 400
                && List.of("invalid_authentication_data", "invalid_request").contains(error(refused)), refused);

        Reply first = authorize(token, credential, hash, pin);
        if (!check("credentials/authorize gives a SAD", first.status == 200 && first.json instanceof Map
                && first.object().get("SAD") instanceof String, first)) {
            return;
        }
        Reply unbound = signHash(token, credential, (String) first.object().get("SAD"), otherHash, signAlgo);
        check("signHash of a hash the SAD does not cover is refused (403 invalid_hash)", unbound.status == 403
                || (unbound.status == 400 && "invalid_request".equals(error(unbound))), unbound);

        Reply second = authorize(token, credential, hash, pin);
        if (!check("credentials/authorize gives a second SAD", second.status == 200 && second.json instanceof Map, second)) {
            return;
        }
        String sad = (String) second.object().get("SAD");
        Reply signed = signHash(token, credential, sad, hash, signAlgo);
        boolean verified = false;
        if (signed.status == 200 && signed.json instanceof Map) {
            try {
                Signature verifier = Signature.getInstance(ec ? "SHA256withECDSA" : "SHA256withRSA");
                verifier.initVerify(certificate.getPublicKey());
                verifier.update(data);
                verified = verifier.verify(Base64.getDecoder().decode(strings(signed.object().get("signatures")).get(0)));
            } catch (Exception e) {
                verified = false;
            }
        }
        check("signHash under the SAD signs, and the signature verifies with the credential's certificate", verified, signed);
        Reply replay = signHash(token, credential, sad, hash, signAlgo);
        check("the SAD is single-use: a second signHash is refused (400)", replay.status == 400, replay);
        if (asynchronous) {
            asynchronousChecks(token, credential, hash, data, pin, signAlgo, certificate, ec);
        }
    }

    /**
     * asynchronousOperationMode: signHash with operationMode A answers 202 and a responseID; signPolling answers 400
     * invalid_request while the operation runs, then the signatures, which verify with the credential's certificate.
     */
    private void asynchronousChecks(String token, String credential, byte[] hash, byte[] data, String pin,
                                    String signAlgo, X509Certificate certificate, boolean ec) {
        Reply third = authorize(token, credential, hash, pin);
        if (!check("credentials/authorize gives a SAD for asynchronous signing", third.status == 200
                && third.json instanceof Map, third)) {
            return;
        }
        String h = quote(Base64.getEncoder().encodeToString(hash));
        Reply accepted = post("signatures/signHash", "{\"credentialID\":" + quote(credential) + ",\"SAD\":"
                + quote((String) third.object().get("SAD")) + ",\"signAlgo\":\"" + signAlgo + "\",\"hashes\":[" + h
                + "],\"hashAlgorithmOID\":\"" + SHA256 + "\",\"operationMode\":\"A\"}", token);
        if (!check("signHash with operationMode A answers 202 with a responseID", accepted.status == 202
                && accepted.json instanceof Map && accepted.object().get("responseID") instanceof String, accepted)) {
            return;
        }
        String poll = "{\"responseID\":" + quote((String) accepted.object().get("responseID")) + "}";
        Reply outcome = post("signatures/signPolling", poll, token);
        for (int attempt = 0; attempt < 120 && outcome.status == 400 && "invalid_request".equals(error(outcome)); attempt++) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            outcome = post("signatures/signPolling", poll, token);
        }
        boolean verified = false;
        if (outcome.status == 200 && outcome.json instanceof Map) {
            try {
                Signature verifier = Signature.getInstance(ec ? "SHA256withECDSA" : "SHA256withRSA");
                verifier.initVerify(certificate.getPublicKey());
                verifier.update(data);
                verified = verifier.verify(Base64.getDecoder().decode(strings(outcome.object().get("signatures")).get(0)));
            } catch (Exception e) {
                verified = false;
            }
        }
        check("signPolling returns the asynchronous signature, which verifies", verified, outcome);
    }

    private Reply authorize(String token, String credential, byte[] hash, String pin) {
        String h = quote(Base64.getEncoder().encodeToString(hash));
        String body = v1
                ? "{\"credentialID\":" + quote(credential) + ",\"numSignatures\":1,\"hash\":[" + h + "],\"PIN\":" + quote(pin) + "}"
                : "{\"credentialID\":" + quote(credential) + ",\"numSignatures\":1,\"hashes\":[" + h
                        + "],\"hashAlgorithmOID\":\"" + SHA256 + "\",\"authData\":[{\"id\":\"PIN\",\"value\":" + quote(pin) + "}]}";
        return post("credentials/authorize", body, token);
    }

    private Reply signHash(String token, String credential, String sad, byte[] hash, String signAlgo) {
        String h = quote(Base64.getEncoder().encodeToString(hash));
        String body = "{\"credentialID\":" + quote(credential) + ",\"SAD\":" + quote(sad) + ",\"signAlgo\":\"" + signAlgo
                + "\"," + (v1 ? "\"hash\":[" + h + "],\"hashAlgo\":\"" : "\"hashes\":[" + h + "],\"hashAlgorithmOID\":\"")
                + SHA256 + "\"}";
        return post("signatures/signHash", body, token);
    }

    // ---- reporting ----

    private boolean check(String name, boolean ok, Object detail) {
        if (ok) {
            passed++;
            System.out.println("PASS " + name);
        } else {
            failed++;
            String text = String.valueOf(detail);
            System.out.println("FAIL " + name + ": " + (text.length() > 300 ? text.substring(0, 300) + "..." : text));
        }
        return ok;
    }

    // ---- HTTP ----

    private record Reply(int status, String body, Object json) {
        @SuppressWarnings("unchecked")
        Map<String, Object> object() {
            return (Map<String, Object>) json;
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    private Reply post(String method, String json, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/" + method))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request);
    }

    private Reply get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Object json = null;
            try {
                json = new Json(response.body()).value();
            } catch (RuntimeException notJson) {
                // left null: the checks say what they expected
            }
            return new Reply(response.statusCode(), response.body(), json);
        } catch (Exception e) {
            return new Reply(-1, e.toString(), null);
        }
    }

    private static String error(Reply reply) {
        return reply.json instanceof Map<?, ?> map && map.get("error") instanceof String s ? s : null;
    }

    private static String string(Map<String, Object> object, String name) {
        return object.get(name) instanceof String s ? s : null;
    }

    private static List<String> strings(Object array) {
        if (!(array instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
            return null;
        }
        return list.stream().map(String.class::cast).toList();
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** Just enough JSON (RFC 8259) to read answers: objects, arrays, strings, numbers, literals. */
    private static final class Json {
        private final String text;
        private int at;

        Json(String text) {
            this.text = text;
        }

        Object value() {
            Object value = next();
            space();
            if (at != text.length()) {
                throw new IllegalArgumentException("trailing text");
            }
            return value;
        }

        private Object next() {
            space();
            char c = text.charAt(at);
            switch (c) {
                case '{' -> {
                    at++;
                    Map<String, Object> object = new LinkedHashMap<>();
                    space();
                    if (text.charAt(at) == '}') {
                        at++;
                        return object;
                    }
                    while (true) {
                        space();
                        String name = string();
                        space();
                        expect(':');
                        object.put(name, next());
                        space();
                        if (text.charAt(at) == ',') {
                            at++;
                        } else {
                            expect('}');
                            return object;
                        }
                    }
                }
                case '[' -> {
                    at++;
                    List<Object> array = new ArrayList<>();
                    space();
                    if (text.charAt(at) == ']') {
                        at++;
                        return array;
                    }
                    while (true) {
                        array.add(next());
                        space();
                        if (text.charAt(at) == ',') {
                            at++;
                        } else {
                            expect(']');
                            return array;
                        }
                    }
                }
                case '"' -> {
                    return string();
                }
                default -> {
                    for (String literal : List.of("true", "false", "null")) {
                        if (text.startsWith(literal, at)) {
                            at += literal.length();
                            return literal.equals("null") ? null : Boolean.valueOf(literal);
                        }
                    }
                    int start = at;
                    while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
                        at++;
                    }
                    return new BigDecimal(text.substring(start, at));
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = text.charAt(at++);
                if (c == '"') {
                    return out.toString();
                }
                if (c == '\\') {
                    char e = text.charAt(at++);
                    switch (e) {
                        case 'n' -> out.append('\n');
                        case 't' -> out.append('\t');
                        case 'r' -> out.append('\r');
                        case 'b' -> out.append('\b');
                        case 'f' -> out.append('\f');
                        case 'u' -> {
                            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                            at += 4;
                        }
                        default -> out.append(e);
                    }
                } else {
                    out.append(c);
                }
            }
        }

        private void expect(char c) {
            if (text.charAt(at) != c) {
                throw new IllegalArgumentException("expected " + c + " at " + at);
            }
            at++;
        }

        private void space() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }
    }
}
