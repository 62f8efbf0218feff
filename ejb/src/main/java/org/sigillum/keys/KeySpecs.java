package org.sigillum.keys;

import org.sigillum.api.admin.CreateCredentialRequest;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.hsm.EcCurve;
import org.sigillum.hsm.KeySpec;

/** Reads a key request of the admin API; weak keys (RSA below 2048, unknown curves) are refused (B4). */
public final class KeySpecs {

    private KeySpecs() {
    }

    public static KeySpec fromRequest(String keyAlgo, Integer keyLength, String curve) throws ServiceException {
        if ("RSA".equalsIgnoreCase(keyAlgo)) {
            int bits = keyLength == null ? 2048 : keyLength;
            try {
                return KeySpec.rsa(bits);
            } catch (IllegalArgumentException e) {
                throw new ServiceException(ErrorCode.INVALID_REQUEST, "keyLength must be 2048, 3072 or 4096 for RSA");
            }
        }
        if ("EC".equalsIgnoreCase(keyAlgo)) {
            String name = curve == null ? "P-256" : curve;
            return KeySpec.ec(EcCurve.byName(name).orElseThrow(() -> new ServiceException(ErrorCode.INVALID_REQUEST,
                    "curve must be P-256, P-384 or P-521")));
        }
        throw new ServiceException(ErrorCode.INVALID_REQUEST, "keyAlgo must be RSA or EC");
    }

    public static KeySpec fromRequest(CreateCredentialRequest request) throws ServiceException {
        if (request == null) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "a JSON body with keyAlgo is required");
        }
        return fromRequest(request.keyAlgo(), request.keyLength(), request.curve());
    }
}
