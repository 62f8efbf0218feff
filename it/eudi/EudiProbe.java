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
 * Usage: java -cp CLASSPATH EudiProbe.java https://host:port/csc/v2 ROOT.pem; prints one line, exits 1 on failure.
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
