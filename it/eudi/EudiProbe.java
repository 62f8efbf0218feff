import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import kotlin.coroutines.EmptyCoroutineContext;
import kotlin.jvm.functions.Function0;
import kotlinx.coroutines.BuildersKt;

/**
 * Drives the EUDI Wallet's CSC client library (eu.europa.ec.eudi:eudi-lib-jvm-rqes-csc-kt 0.2.0), unchanged, the
 * way every one of its users starts: resolve the RSSP's metadata from its https service URL (CSC info, then the
 * authorization server's RFC 8414 metadata). The library is Kotlin: its suspending functions have JVM names
 * with a hash suffix (inline classes), so they are found by prefix and run under runBlocking.
 * With a registered client and an account (further arguments) it goes on as a wallet does: CSCClient.oauth2 from
 * the metadata, service authorization with PAR and PKCE through the login and consent pages (a small browser
 * here: cookies, the pages' CSRF field), the code for a token, then credentials/list with the credentials'
 * information, and for each credential (an EC and an RSA key) credentials/info, which the library parses into its
 * own model, credential authorization with authorization_details through the consent page and the PIN, and
 * signHash, checked with JCA.
 * Usage: java -cp CLASSPATH EudiProbe.java https://host:port/csc/v2 ROOT.pem [CLIENT_ID SECRET REDIRECT_URI USER
 * PASSWORD PIN]; prints one line per step, exits 1 on failure.
 */
public final class EudiProbe {

    public static void main(String[] args) throws Exception {
        trustOnly(Path.of(args[1]));
        Class<?> resolverType = Class.forName("eu.europa.ec.eudi.rqes.RSSPMetadataResolver");
        Object companion = resolverType.getField("Companion").get(null);
        @SuppressWarnings("unchecked")
        Function0<Object> httpClients = (Function0<Object>) Class.forName("eu.europa.ec.eudi.rqes.KtorKt")
                .getMethod("getDefaultHttpClientFactory").invoke(null);
        Object resolver = companion.getClass().getMethod("invoke", Function0.class).invoke(companion, httpClients);
        Method resolve = suspending(resolverType, "resolve");
        Object outcome = BuildersKt.runBlocking(EmptyCoroutineContext.INSTANCE, (scope, continuation) -> {
            try {
                return resolve.invoke(resolver, new URL(args[0]), Locale.ENGLISH, continuation);
            } catch (ReflectiveOperationException | java.net.MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        });
        Object metadata = success(outcome);
        Object methods = metadata.getClass().getMethod("getMethods").invoke(metadata);
        Object authTypes = metadata.getClass().getMethod("getAuthTypes").invoke(metadata);
        System.out.println("EUDI RSSP metadata: specs=" + metadata.getClass().getMethod("getSpecs").invoke(metadata)
                + " methods=" + methods + " authTypes=" + authTypes.toString().replaceAll("\\s+", " "));
        if (args.length >= 8) {
            wallet(metadata, httpClients, args);
        }
    }

    private static void wallet(Object metadata, Function0<Object> httpClients, String[] args) throws Exception {
        String rqes = "eu.europa.ec.eudi.rqes.";
        Object oauthClient = Class.forName(rqes + "OAuth2Client$Confidential$ClientSecretBasic")
                .getConstructor(String.class, String.class).newInstance(args[2], args[3]);
        Class<?> par = Class.forName(rqes + "ParUsage");
        Class<?> rar = Class.forName(rqes + "RarUsage");
        Object config = Class.forName(rqes + "CSCClientConfig").getConstructor(Class.forName(rqes + "OAuth2Client"),
                java.net.URI.class, URL.class, par, rar, java.time.Clock.class, Locale.class)
                .newInstance(oauthClient, java.net.URI.create(args[4]), new URL(args[0]), par.getField("Required").get(null),
                        rar.getField("IfSupported").get(null), java.time.Clock.systemUTC(), Locale.ENGLISH);
        Class<?> clientType = Class.forName(rqes + "CSCClient");
        Object companion = clientType.getField("Companion").get(null);
        Object client = success(matching(companion.getClass(), "oauth2", 0, config, metadata, httpClients)
                .invoke(companion, config, metadata, httpClients));

        Object prepared = call(client, "prepareServiceAuthorizationRequest", "wallet-state");
        Object request = prepared.getClass().getMethod("getValue").invoke(prepared);
        URL authorizationUrl = (URL) suspending(request.getClass(), "getAuthorizationCodeURL").invoke(request);
        Map<String, String> redirect = new PageBrowser().approve(authorizationUrl, args[5], args[6], args[4], null);
        Object authorized = call(client, "authorizeWithAuthorizationCode", request, redirect.get("code"),
                redirect.get("state"));
        Object tokens = authorized.getClass().getMethod("getTokens").invoke(authorized);
        System.out.println("EUDI service authorization: PAR, PKCE, login and consent pages, token");

        Class<?> certificates = Class.forName(rqes + "Certificates");
        Object chain = certificates.getField("Chain").get(null);
        Object listRequest = Class.forName(rqes + "CredentialsListRequest").getConstructor(Boolean.class, certificates,
                Boolean.class, Boolean.class, Boolean.class, String.class, String.class)
                .newInstance(true, chain, true, true, false, null, null);
        List<?> credentials = (List<?>) call(client, "listCredentials", tokens, listRequest);
        System.out.println("EUDI credentials/list: " + credentials.size() + " credential(s)");
        for (Object credential : credentials) {
            readAndSign(client, tokens, credential, chain, args);
        }
    }

    /** credentials/info of one listed credential, parsed into the library's model, then a signature with its key. */
    private static void readAndSign(Object client, Object tokens, Object credential, Object chain, String[] args)
            throws Exception {
        String rqes = "eu.europa.ec.eudi.rqes.";
        String credentialId = (String) suspending(credential.getClass(), "getCredentialID").invoke(credential);
        java.lang.reflect.Constructor<?> infoConstructor = Arrays.stream(Class.forName(rqes + "CredentialsInfoRequest")
                .getDeclaredConstructors()).filter(c -> c.getParameterCount() == 7).findFirst().orElseThrow();
        infoConstructor.setAccessible(true);
        Object infoRequest = infoConstructor.newInstance(credentialId, chain, true, true, null, null, null);
        Object info = call(client, "credentialInfo", tokens, infoRequest);
        Object key = info.getClass().getMethod("getKey").invoke(info);
        Object certificate = info.getClass().getMethod("getCertificate").invoke(info);
        java.security.cert.X509Certificate signer = (java.security.cert.X509Certificate)
                ((List<?>) certificate.getClass().getMethod("getCertificates").invoke(certificate)).get(0);
        System.out.println("EUDI credentials/info: " + signer.getPublicKey().getAlgorithm()
                + " curve=" + key.getClass().getMethod("getCurve").invoke(key)
                + " len=" + key.getClass().getMethod("getLength").invoke(key)
                + " serial=" + certificate.getClass().getMethod("getSerialNumber").invoke(certificate)
                + " validTo=" + certificate.getClass().getMethod("getValidTo").invoke(certificate)
                + " certificates=" + ((List<?>) certificate.getClass().getMethod("getCertificates").invoke(certificate)).size());
        signHash(client, credentialId, signer, args);
    }

    /**
     * Credential authorization with authorization_details (RFC 9396) for one document digest, approved on the
     * consent page with the PIN, then signHash under the credential token; the signature is checked with JCA.
     */
    private static void signHash(Object client, String credentialId, java.security.cert.X509Certificate signer,
                                 String[] args) throws Exception {
        String rqes = "eu.europa.ec.eudi.rqes.";
        byte[] document = ("a document for the EUDI library " + System.nanoTime()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String hash = java.util.Base64.getEncoder().encodeToString(
                java.security.MessageDigest.getInstance("SHA-256").digest(document));
        Object credentialRef = marked(Class.forName(rqes + "CredentialRef$ByCredentialID"), credentialId);
        Object digest = marked(Class.forName(rqes + "DocumentDigest"), hash, "document");
        Object digests = marked(Class.forName(rqes + "DocumentDigestList"), List.of(digest), "2.16.840.1.101.3.4.2.1",
                java.time.Instant.now());
        Object subject = Class.forName(rqes + "CredentialAuthorizationSubject").getConstructor(
                Class.forName(rqes + "CredentialRef"), digests.getClass(), Integer.class).newInstance(credentialRef, digests, 1);
        Object prepared = call(client, "prepareCredentialAuthorizationRequest", subject, "wallet-state-2");
        Object request = prepared.getClass().getMethod("getAuthorizationRequestPrepared").invoke(prepared);
        URL authorizationUrl = (URL) suspending(request.getClass(), "getAuthorizationCodeURL").invoke(request);
        Map<String, String> redirect = new PageBrowser().approve(authorizationUrl, args[5], args[6], args[4], args[7]);
        Object asRequested = Class.forName(rqes + "AccessTokenOption$AsRequested").getField("INSTANCE").get(null);
        Object authorized = call(client, "authorizeWithAuthorizationCode", prepared, redirect.get("code"),
                redirect.get("state"), asRequested);
        System.out.println("EUDI credential authorization: " + authorized.getClass().getSimpleName());
        boolean ec = signer.getPublicKey().getAlgorithm().equals("EC");
        Object signatures = call(client, "signHash", authorized, ec ? "1.2.840.10045.4.3.2" : "1.2.840.113549.1.1.11");
        List<?> values = (List<?>) signatures.getClass().getMethod("getSignatures").invoke(signatures);
        Object first = values.get(0);
        String value = first instanceof String text ? text : (String) first.getClass().getMethod("getValue").invoke(first);
        java.security.Signature verifier = java.security.Signature.getInstance(ec ? "SHA256withECDSA" : "SHA256withRSA");
        verifier.initVerify(signer.getPublicKey());
        verifier.update(document);
        System.out.println("EUDI signHash: " + signer.getPublicKey().getAlgorithm() + " verified="
                + verifier.verify(java.util.Base64.getDecoder().decode(value)));
    }

    /** A library type whose constructor takes an inline-class value: the JVM constructor ends in a marker (null). */
    private static Object marked(Class<?> type, Object... arguments) throws Exception {
        java.lang.reflect.Constructor<?> constructor = Arrays.stream(type.getDeclaredConstructors())
                .filter(c -> c.getParameterCount() == arguments.length + 1).findFirst().orElseThrow();
        constructor.setAccessible(true);
        Object[] all = Arrays.copyOf(arguments, arguments.length + 1);
        return constructor.newInstance(all);
    }

    /**
     * The method of that name (or name-hash) whose parameters take these arguments, plus {@code extra} more (the
     * continuation of a suspending one): CSCClient has two authorizeWithAuthorizationCode, for instance.
     */
    private static Method matching(Class<?> type, String name, int extra, Object... arguments) {
        return Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(name) || m.getName().startsWith(name + "-"))
                .filter(m -> m.getParameterCount() == arguments.length + extra)
                .filter(m -> {
                    for (int i = 0; i < arguments.length; i++) {
                        if (arguments[i] != null && !m.getParameterTypes()[i].isInstance(arguments[i])) {
                            return false;
                        }
                    }
                    return true;
                })
                .findFirst().orElseThrow(() -> new IllegalStateException("no method " + name + " in " + type));
    }

    /** Runs a suspending method of the library to its end and returns its successful result. */
    private static Object call(Object target, String name, Object... arguments) throws Exception {
        // looked up on the public interface: the library's implementation class need not be accessible
        return call(target, matching(Class.forName("eu.europa.ec.eudi.rqes.CSCClient"), name, 1, arguments), arguments);
    }

    private static Object call(Object target, Method method, Object... arguments) throws Exception {
        Object outcome = BuildersKt.runBlocking(EmptyCoroutineContext.INSTANCE, (scope, continuation) -> {
            Object[] all = Arrays.copyOf(arguments, arguments.length + 1);
            all[arguments.length] = continuation;
            try {
                return method.invoke(target, all);
            } catch (InvocationTargetException e) {
                throw new IllegalStateException(e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        });
        return success(outcome);
    }

    /** The authorization server's pages as a user's browser meets them: cookies, CSRF field, forms, no redirects. */
    private static final class PageBrowser {
        private final java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .cookieHandler(new java.net.CookieManager()).followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
        private String csrf;

        Map<String, String> approve(URL authorization, String user, String password, String redirectUri, String pin)
                throws Exception {
            java.net.URI start = authorization.toURI();
            page(java.net.http.HttpRequest.newBuilder(start).GET());
            String pages = start.getScheme() + "://" + start.getAuthority() + start.getPath();
            page(form(java.net.URI.create(pages + "/login"), Map.of("username", user, "password", password)));
            Map<String, String> decision = new java.util.LinkedHashMap<>(Map.of("decision", "approve"));
            if (pin != null) {
                decision.put("pin", pin);
            }
            java.net.http.HttpResponse<String> done = http.send(form(java.net.URI.create(pages + "/consent"), decision)
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            String location = done.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException(
                    "consent answered " + done.statusCode() + ": " + done.body()));
            if (!location.startsWith(redirectUri + "?")) {
                throw new IllegalStateException("redirect elsewhere: " + location);
            }
            Map<String, String> parameters = new java.util.HashMap<>();
            for (String pair : location.substring(location.indexOf('?') + 1).split("&")) {
                int eq = pair.indexOf('=');
                parameters.put(java.net.URLDecoder.decode(pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8),
                        java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
            }
            return parameters;
        }

        private void page(java.net.http.HttpRequest.Builder request) throws Exception {
            java.net.http.HttpResponse<String> response = http.send(request.build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(response.uri() + " answered " + response.statusCode() + ": " + response.body());
            }
            java.util.regex.Matcher field = java.util.regex.Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"")
                    .matcher(response.body());
            csrf = field.find() ? field.group(1) : null;
        }

        private java.net.http.HttpRequest.Builder form(java.net.URI target, Map<String, String> fields) {
            Map<String, String> all = new java.util.LinkedHashMap<>(fields);
            if (csrf != null) {
                all.put("csrf", csrf);
            }
            StringBuilder body = new StringBuilder();
            all.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(k).append('=')
                    .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)));
            return java.net.http.HttpRequest.newBuilder(target).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body.toString()));
        }
    }

    private static Method suspending(Class<?> type, String name) {
        return Arrays.stream(type.getMethods()).filter(m -> m.getName().equals(name) || m.getName().startsWith(name + "-"))
                .findFirst().orElseThrow(() -> new IllegalStateException("no method " + name + " in " + type));
    }

    /** The value of a kotlin.Result, boxed or not; its exception, thrown, when it is a failure. */
    private static Object success(Object outcome) throws Exception {
        Object value = outcome;
        if (value != null && value.getClass().getName().equals("kotlin.Result")) {
            Field inner = value.getClass().getDeclaredField("value");
            inner.setAccessible(true);
            value = inner.get(value);
        }
        if (value != null && value.getClass().getName().equals("kotlin.Result$Failure")) {
            Field exception = value.getClass().getDeclaredField("exception");
            exception.setAccessible(true);
            Throwable failure = (Throwable) exception.get(value);
            System.out.println("EUDI library failed: " + failure);
            failure.printStackTrace(System.out);
            System.exit(1);
        }
        return value;
    }

    /** The JVM's default TLS context trusts the given root only (the Ktor Java engine uses the default). */
    private static void trustOnly(Path rootPem) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(rootPem)) {
            trust.setCertificateEntry("root", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        SSLContext.setDefault(context);
    }
}
