package org.sigillum.validation;

import eu.europa.esig.dss.model.tsl.TLValidationJobSummary;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.service.http.commons.FileCacheDataLoader;
import eu.europa.esig.dss.spi.client.http.IgnoreDataLoader;
import eu.europa.esig.dss.spi.tsl.TrustedListsCertificateSource;
import eu.europa.esig.dss.spi.x509.CommonCertificateSource;
import eu.europa.esig.dss.tsl.job.TLValidationJob;
import eu.europa.esig.dss.tsl.source.LOTLSource;
import eu.europa.esig.dss.tsl.sync.ExpirationAndSignatureCheckStrategy;
import eu.europa.esig.dss.tsl.sync.SynchronizationStrategy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.concurrent.ExecutorService;

/**
 * DSS's trusted-list machinery for one reading of the settings: the LOTL with its signing certificates (pivots
 * followed, as the EU LOTL announces new signing certificates through them), the lists it points to, fetched by
 * {@link TrustedListLoader} and cached on disk, and the certificate source validation trusts. Only lists whose
 * signature validates and whose next update has not passed reach that source, and only those of a LOTL that
 * validates itself. DSS keeps what it last fetched, parsed and validated for each URL: a refresh that cannot
 * download a list keeps the list it had.
 */
final class TrustedListJob {

    /** Which lists count: those whose signature validates and whose next update has not passed, of such a LOTL. */
    static final SynchronizationStrategy USED_LISTS = new ExpirationAndSignatureCheckStrategy();
    private final TrustedListSettings settings;
    private final TLValidationJob job = new TLValidationJob();
    private final TrustedListsCertificateSource certificates = new TrustedListsCertificateSource();
    private boolean cacheRead;

    /** Loads the LOTL keystore, so that a wrong path, type or password shows at once. */
    TrustedListJob(TrustedListSettings settings, ExecutorService executor) {
        this.settings = settings;
        try {
            Files.createDirectories(settings.cacheDirectory());
        } catch (IOException e) {
            throw new IllegalArgumentException("the trusted-list cache directory " + settings.cacheDirectory()
                    + " cannot be created: " + e.getMessage(), e);
        }
        LOTLSource lotl = new LOTLSource();
        lotl.setUrl(settings.lotlUrl());
        lotl.setCertificateSource(lotlSigners(settings));
        lotl.setPivotSupport(true);
        TrustedListUrls urls = new TrustedListUrls(settings.lotlUrl(), settings.allowedUrls());
        job.setListOfTrustedListSources(lotl);
        job.setOnlineDataLoader(cache(new TrustedListLoader(urls), 0));
        job.setOfflineDataLoader(cache(new IgnoreDataLoader(), -1));
        job.setTrustedListCertificateSource(certificates);
        job.setSynchronizationStrategy(USED_LISTS);
        job.setExecutorService(executor);
    }

    TrustedListSettings settings() {
        return settings;
    }

    /**
     * Fetches the lists; the first time, reads those an earlier run cached on disk beforehand (validated again), so
     * that a restart without network still trusts what it trusted before.
     */
    void refresh() {
        if (!cacheRead) {
            job.offlineRefresh();
            cacheRead = true;
        }
        job.onlineRefresh();
    }

    TLValidationJobSummary summary() {
        return job.getSummary();
    }

    TrustedListsCertificateSource certificates() {
        return certificates;
    }

    /** {@code expiryMillis} 0: always fetched; negative: the cached copy never expires (the offline loader). */
    private FileCacheDataLoader cache(eu.europa.esig.dss.spi.client.http.DataLoader loader, long expiryMillis) {
        FileCacheDataLoader cache = new FileCacheDataLoader(loader);
        cache.setFileCacheDirectory(settings.cacheDirectory().toFile());
        cache.setCacheExpirationTime(expiryMillis);
        return cache;
    }

    private static CommonCertificateSource lotlSigners(TrustedListSettings settings) {
        String name = TrustedListSettings.PREFIX + "keystore.path " + settings.keystorePath();
        KeyStore store;
        try (InputStream in = Files.newInputStream(settings.keystorePath())) {
            store = KeyStore.getInstance(settings.keystoreType());
            store.load(in, settings.keystorePassword());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(name + " cannot be read as a " + settings.keystoreType()
                    + " keystore with the configured password: " + e.getMessage(), e);
        }
        CommonCertificateSource signers = new CommonCertificateSource();
        try {
            for (String alias : Collections.list(store.aliases())) {
                Certificate certificate = store.getCertificate(alias);
                if (certificate instanceof X509Certificate x509) {
                    signers.addCertificate(new CertificateToken(x509));
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(name + " cannot be listed: " + e.getMessage(), e);
        }
        if (signers.getNumberOfCertificates() == 0) {
            throw new IllegalArgumentException(name + " holds no certificate to check the LOTL's signature with");
        }
        return signers;
    }
}
