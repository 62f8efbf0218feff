import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sigillum's reference approval device, with nothing but the JDK (run as {@code bin/device-client}):
 *
 * <pre>
 * register --url URL --key FILE --code ENROLMENT_CODE [--name NAME]   a new ES256 key in FILE (mode 600), registered
 * list     --url URL --key FILE                                       the pending approvals, as the server sends them
 * approve  --url URL --key FILE --id APPROVAL_ID                      signs the approval's content and "approve"
 * decline  --url URL --key FILE --id APPROVAL_ID                      signs the approval's content and "decline"
 * send     --url URL --key FILE --id APPROVAL_ID --body JSON          posts a decision body as given (a replay test)
 * </pre>
 *
 * Every call after registration carries a JWT (ES256, issuer the device ID, audience sigillum-devices, 60 s) signed
 * with the device key. approve and decline print the decision body they sent. Exit status 0 when the server
 * accepted the call, 1 otherwise (its answer on stderr), 2 on a usage error.
 */
public final class DeviceClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage("a command is required");
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                usage("options are --name value pairs: " + args[i]);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        String url = required(options, "url").replaceAll("/+$", "");
        Path keyFile = Path.of(required(options, "key"));
        int status = switch (args[0]) {
            case "register" -> register(url, keyFile, required(options, "code"), options.getOrDefault("name", "device-client"));
            case "list" -> list(url, keyFile);
            case "approve", "decline" -> decide(url, keyFile, required(options, "id"), args[0]);
            case "send" -> send(url, keyFile, required(options, "id"), required(options, "body"));
            default -> {
                usage("unknown command " + args[0]);
                yield 2;
            }
        };
        System.exit(status);
    }

    private static int register(String url, Path keyFile, String code, String name) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        ECPublicKey publicKey = (ECPublicKey) pair.getPublic();
        String jwk = "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"" + coordinate(publicKey.getW().getAffineX())
                + "\",\"y\":\"" + coordinate(publicKey.getW().getAffineY()) + "\"}";
        String body = "{\"enrolmentCode\":" + quote(code) + ",\"name\":" + quote(name) + ",\"publicKey\":" + jwk + "}";
        HttpResponse<String> response = call(HttpRequest.newBuilder(URI.create(url + "/api/v1/devices"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        if (response.statusCode() != 201) {
            return failed(response);
        }
        Matcher id = Pattern.compile("\"deviceId\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        if (!id.find()) {
            return failed(response);
        }
        Properties stored = new Properties();
        stored.setProperty("deviceId", id.group(1));
        stored.setProperty("privateKey", Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
        Files.deleteIfExists(keyFile);
        Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (var out = Files.newBufferedWriter(keyFile)) {
            stored.store(out, "Sigillum approval device");
        }
        System.out.println(id.group(1));
        return 0;
    }

    private static int list(String url, Path keyFile) throws Exception {
        HttpResponse<String> response = call(authorized(url + "/api/v1/devices/self/approvals", keyFile).GET());
        if (response.statusCode() != 200) {
            return failed(response);
        }
        System.out.println(response.body());
        return 0;
    }

    /** Finds the approval among the pending ones and signs exactly the content the server holds for it. */
    private static int decide(String url, Path keyFile, String approvalId, String decision) throws Exception {
        HttpResponse<String> pending = call(authorized(url + "/api/v1/devices/self/approvals", keyFile).GET());
        if (pending.statusCode() != 200) {
            return failed(pending);
        }
        Matcher object = Pattern.compile("\\{[^{}]*\"approvalID\"\\s*:\\s*\"" + Pattern.quote(approvalId) + "\"[^{}]*\\}")
                .matcher(pending.body());
        if (!object.find()) {
            System.err.println("approval " + approvalId + " is not pending for this device");
            return 1;
        }
        Matcher content = Pattern.compile("\"content\"\\s*:\\s*\"([A-Za-z0-9_-]+)\"").matcher(object.group());
        if (!content.find()) {
            System.err.println("the server sent no content for approval " + approvalId);
            return 1;
        }
        byte[] input = (content.group(1) + "." + decision).getBytes(StandardCharsets.US_ASCII);
        String body = "{\"decision\":\"" + decision + "\",\"signature\":\"" + B64URL.encodeToString(sign(keyFile, input)) + "\"}";
        int status = send(url, keyFile, approvalId, body);
        if (status == 0) {
            System.out.println(body);
        }
        return status;
    }

    private static int send(String url, Path keyFile, String approvalId, String body) throws Exception {
        HttpResponse<String> response = call(authorized(url + "/api/v1/devices/self/approvals/" + approvalId, keyFile)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        return response.statusCode() == 204 ? 0 : failed(response);
    }

    private static HttpRequest.Builder authorized(String url, Path keyFile) throws Exception {
        Properties stored = load(keyFile);
        long now = System.currentTimeMillis() / 1000;
        String header = B64URL.encodeToString("{\"alg\":\"ES256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = B64URL.encodeToString(("{\"iss\":" + quote(stored.getProperty("deviceId"))
                + ",\"aud\":\"sigillum-devices\",\"iat\":" + now + ",\"exp\":" + (now + 60) + ",\"jti\":\""
                + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8));
        String signingInput = header + "." + claims;
        String jwt = signingInput + "." + B64URL.encodeToString(sign(keyFile, signingInput.getBytes(StandardCharsets.US_ASCII)));
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + jwt);
    }

    /** ES256 in JOSE form: R and S, 32 bytes each, rather than the DER sequence the JCA gives. */
    private static byte[] sign(Path keyFile, byte[] input) throws Exception {
        PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(
                Base64.getDecoder().decode(load(keyFile).getProperty("privateKey"))));
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(key);
        signer.update(input);
        byte[] der = signer.sign();
        int offset = der[1] == (byte) 0x81 ? 3 : 2;
        int rLength = der[offset + 1];
        byte[] r = Arrays.copyOfRange(der, offset + 2, offset + 2 + rLength);
        int sStart = offset + 2 + rLength;
        byte[] s = Arrays.copyOfRange(der, sStart + 2, sStart + 2 + der[sStart + 1]);
        byte[] raw = new byte[64];
        System.arraycopy(unsigned(r), 0, raw, 0, 32);
        System.arraycopy(unsigned(s), 0, raw, 32, 32);
        return raw;
    }

    private static byte[] unsigned(byte[] value) {
        byte[] out = new byte[32];
        byte[] magnitude = new BigInteger(1, value).toByteArray();
        int from = Math.max(0, magnitude.length - 32);
        System.arraycopy(magnitude, from, out, 32 - (magnitude.length - from), magnitude.length - from);
        return out;
    }

    private static String coordinate(BigInteger value) {
        byte[] fixed = unsigned(value.toByteArray());
        return B64URL.encodeToString(fixed);
    }

    private static Properties load(Path keyFile) throws IOException {
        Properties stored = new Properties();
        try (var in = Files.newBufferedReader(keyFile)) {
            stored.load(in);
        }
        return stored;
    }

    private static HttpResponse<String> call(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int failed(HttpResponse<String> response) {
        System.err.println("HTTP " + response.statusCode() + " " + response.body());
        return 1;
    }

    private static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
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

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            usage("--" + name + " is required");
        }
        return value;
    }

    private static void usage(String problem) {
        System.err.println("device-client: " + problem);
        System.err.println("usage: device-client register|list|approve|decline|send --url URL --key FILE [--code C] [--name N] [--id A] [--body JSON]");
        System.exit(2);
    }
}
