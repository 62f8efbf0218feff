package org.sigillum.diagnostics;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.sigillum.api.admin.DiagnosticSignRequest;
import org.sigillum.api.admin.DiagnosticSignResult;
import org.sigillum.api.admin.HsmBenchmarkRequest;
import org.sigillum.api.admin.HsmBenchmarkResult;
import org.sigillum.api.admin.HsmStatusView;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.HsmFailures;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.service.HsmDiagnostics;
import org.sigillum.hsm.GeneratedKey;
import org.sigillum.hsm.HsmConnection;
import org.sigillum.hsm.HsmConnectionFactory;
import org.sigillum.hsm.HsmException;
import org.sigillum.hsm.HsmStatus;
import org.sigillum.hsm.KeyBinding;
import org.sigillum.hsm.KeyCachePolicy;
import org.sigillum.hsm.KeyCacheStatistics;
import org.sigillum.hsm.KeySpec;
import org.sigillum.hsm.SignatureScheme;
import org.sigillum.keys.KeySpecs;
import org.sigillum.sam.SignatureSchemes;

/**
 * Operator diagnostics of the HSM path, on diagnostic keys generated for the call under a reserved owner that
 * no account can have. No database, no user credential, no SAD involved.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class HsmDiagnosticsBean implements HsmDiagnostics {

    static final String DIAGNOSTICS_OWNER = KeyBinding.SERVICE_OWNER_PREFIX + "diagnostics";
    private static final int MAX_THREADS = 64;
    private static final int MAX_SECONDS = 120;
    private static final int MAX_CACHE_SECONDS = 600;

    @Resource(lookup = HsmConnectionFactory.JNDI_NAME)
    private HsmConnectionFactory hsm;

    @Resource
    private ManagedExecutorService executor;

    @Override
    public HsmStatusView status() throws ServiceException {
        try (HsmConnection connection = hsm.getConnection()) {
            HsmStatus status = connection.selfTest();
            KeyCacheStatistics cache = status.keyCache();
            return new HsmStatusView(status.tokenLabel(), status.manufacturer(), status.model(),
                    status.signatureAlgorithmOids(), status.sessionObjects(),
                    new HsmStatusView.KeyCacheView(cache.size(), cache.capacity(), cache.hits(), cache.misses(),
                            cache.evictions(), cache.expirations(), cache.staleHandles()));
        } catch (HsmException e) {
            throw HsmFailures.toServiceException("self-test", e);
        }
    }

    @Override
    public DiagnosticSignResult sign(DiagnosticSignRequest request) throws ServiceException {
        if (request == null || request.hashes() == null || request.hashes().isEmpty()) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "hashes are required");
        }
        KeySpec spec = KeySpecs.fromRequest(request.keyAlgo(), request.keyLength(), request.curve());
        SignatureScheme scheme = SignatureSchemes.fromCsc(request.signAlgo(), request.hashAlgorithmOID(), null);
        List<byte[]> digests = decode(request.hashes());
        KeyCachePolicy policy = cachePolicy(request.keyCacheSeconds());
        try (HsmConnection connection = hsm.getConnection()) {
            GeneratedKey key = connection.generateKeyPair(spec, diagnosticBinding());
            List<byte[]> signatures = connection.signWithServiceKey(key.wrappedKey(), scheme, digests, policy);
            return new DiagnosticSignResult(Base64.getEncoder().encodeToString(key.subjectPublicKeyInfo()),
                    signatures.stream().map(Base64.getEncoder()::encodeToString).toList());
        } catch (HsmException e) {
            throw HsmFailures.toServiceException("diagnostic signature", e);
        }
    }

    @Override
    public HsmBenchmarkResult benchmark(HsmBenchmarkRequest request) throws ServiceException {
        if (request == null) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "a JSON body is required");
        }
        KeySpec spec = KeySpecs.fromRequest(request.keyAlgo(), request.keyLength(), request.curve());
        int threads = bounded(request.threads(), 1, MAX_THREADS, "threads");
        int seconds = bounded(request.seconds(), 1, MAX_SECONDS, "seconds");
        boolean cached = Boolean.TRUE.equals(request.keyCache());
        GeneratedKey key;
        try (HsmConnection connection = hsm.getConnection()) {
            key = connection.generateKeyPair(spec, diagnosticBinding());
        } catch (HsmException e) {
            throw HsmFailures.toServiceException("diagnostic key generation", e);
        }
        KeyCachePolicy policy = cached ? new KeyCachePolicy(Duration.ofSeconds(seconds + 5L), Integer.MAX_VALUE)
                : KeyCachePolicy.NONE;
        HsmThroughputRun.Outcome outcome = new HsmThroughputRun(hsm, key.wrappedKey(), policy)
                .run(executor, threads, Duration.ofSeconds(seconds));
        try (HsmConnection connection = hsm.getConnection()) {
            connection.evictCachedKey(key.wrappedKey().binding().credentialId());
        } catch (HsmException e) {
            throw HsmFailures.toServiceException("cache eviction", e);
        }
        return new HsmBenchmarkResult(spec.algorithm() + "-" + spec.lengthBits(), threads, cached, outcome.signatures(),
                outcome.failures(), outcome.seconds(), outcome.signatures() / outcome.seconds());
    }

    private static KeyBinding diagnosticBinding() {
        return new KeyBinding("diagnostic-" + UUID.randomUUID(), DIAGNOSTICS_OWNER);
    }

    private static KeyCachePolicy cachePolicy(Integer seconds) throws ServiceException {
        if (seconds == null || seconds == 0) {
            return KeyCachePolicy.NONE;
        }
        return new KeyCachePolicy(Duration.ofSeconds(bounded(seconds, 1, MAX_CACHE_SECONDS, "keyCacheSeconds")), 1000);
    }

    private static List<byte[]> decode(List<String> hashes) throws ServiceException {
        List<byte[]> out = new ArrayList<>(hashes.size());
        for (String hash : hashes) {
            try {
                out.add(Base64.getDecoder().decode(hash));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new ServiceException(ErrorCode.INVALID_REQUEST, "hashes must be base64");
            }
        }
        return out;
    }

    private static int bounded(Integer value, int min, int max, String name) throws ServiceException {
        if (value == null || value < min || value > max) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, name + " must be between " + min + " and " + max);
        }
        return value;
    }
}
