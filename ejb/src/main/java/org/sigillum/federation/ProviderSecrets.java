package org.sigillum.federation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.annotation.Resource;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.hsm.HsmConnection;
import org.sigillum.hsm.HsmConnectionFactory;
import org.sigillum.hsm.HsmException;
import org.sigillum.hsm.HsmUnavailableException;

/**
 * Seals a provider's client secret for its row. The secret must come back in clear (it is sent to the provider's
 * token endpoint), so it cannot be hashed; it is encrypted with AES-256-GCM under a key that the HSM computes as an
 * HMAC of a fixed label and the alias under its pepper key, which never leaves the HSM. The row alone opens
 * nothing, and a sealed secret copied to another provider's row fails its tag (the alias is in the key and in the
 * associated data).
 */
@ApplicationScoped
public class ProviderSecrets {

    private static final String VERSION = "v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Resource(lookup = HsmConnectionFactory.JNDI_NAME)
    private HsmConnectionFactory hsm;

    String seal(String alias, String secret) throws ServiceException {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, alias, nonce, secret.getBytes(StandardCharsets.UTF_8));
        Base64.Encoder b64 = Base64.getEncoder();
        return VERSION + ":" + b64.encodeToString(nonce) + ":" + b64.encodeToString(sealed);
    }

    String open(String alias, String sealed) throws ServiceException {
        String[] parts = sealed.split(":");
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            throw new ServiceException(ErrorCode.SERVER_ERROR, "the provider's stored secret is unreadable");
        }
        Base64.Decoder b64 = Base64.getDecoder();
        byte[] clear = crypt(Cipher.DECRYPT_MODE, alias, b64.decode(parts[1]), b64.decode(parts[2]));
        try {
            return new String(clear, StandardCharsets.UTF_8);
        } finally {
            Arrays.fill(clear, (byte) 0);
        }
    }

    /** HMAC-SHA256 under the HSM's pepper key, which never leaves the HSM, of a fixed label and the alias. */
    private byte[] derivedKey(String alias) throws ServiceException {
        try (HsmConnection connection = hsm.getConnection()) {
            return connection.pepper(("sigillum identity-provider secret " + VERSION + "\n" + alias)
                    .getBytes(StandardCharsets.UTF_8));
        } catch (HsmUnavailableException e) {
            throw new ServiceException(ErrorCode.TEMPORARILY_UNAVAILABLE, "the HSM is unavailable; retry later", e);
        } catch (HsmException e) {
            throw new ServiceException(ErrorCode.SERVER_ERROR, "the HSM cannot derive the provider secrets' key", e);
        }
    }

    private byte[] crypt(int mode, String alias, byte[] nonce, byte[] input) throws ServiceException {
        byte[] key = derivedKey(alias);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(alias.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new ServiceException(ErrorCode.SERVER_ERROR, "the provider's stored secret does not open", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }
}
