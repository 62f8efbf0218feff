package org.sigillum.operator;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sigillum.api.service.OperatorAuthentication;

/**
 * Compares a presented bearer secret with the operator secret file in constant time. The file is read on
 * each check, so rotating it needs no restart; an absent or short file admits nobody.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OperatorAuthenticationBean implements OperatorAuthentication {

    private static final Logger LOG = Logger.getLogger(OperatorAuthenticationBean.class.getName());
    private static final int MIN_SECRET_LENGTH = 32;

    @Inject
    @ConfigProperty(name = "sigillum.operator-token-file", defaultValue = "")
    String tokenFile;

    @Override
    public boolean isOperator(String bearerToken) {
        if (bearerToken == null || tokenFile.isBlank()) {
            return false;
        }
        String expected;
        try {
            expected = Files.readString(Path.of(tokenFile), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            LOG.warning("operator secret file " + tokenFile + " unreadable; admin API closed");
            return false;
        }
        if (expected.length() < MIN_SECRET_LENGTH) {
            return false;
        }
        return MessageDigest.isEqual(sha256(expected), sha256(bearerToken));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
