package org.sigillum.csc;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.hsm.DigestAlgorithm;

/** Base64 hashes of a CSC request, decoded and checked against their algorithm (checklist A6, B4). */
final class HashList {

    private HashList() {
    }

    static DigestAlgorithm algorithm(String oid) throws ServiceException {
        if (oid == null) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "hashAlgorithmOID is required");
        }
        return DigestAlgorithm.byOid(oid).orElseThrow(() -> new ServiceException(ErrorCode.INVALID_REQUEST,
                "hashAlgorithmOID " + oid + " is not supported"));
    }

    static List<byte[]> decode(List<String> hashes, int max, int length) throws ServiceException {
        if (hashes == null || hashes.isEmpty() || hashes.size() > max) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "between 1 and " + max + " hashes are required");
        }
        List<byte[]> out = new ArrayList<>(hashes.size());
        for (String hash : hashes) {
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(hash == null ? "" : hash);
            } catch (IllegalArgumentException e) {
                throw new ServiceException(ErrorCode.INVALID_REQUEST, "hashes must be base64");
            }
            if (length > 0 && bytes.length != length) {
                throw new ServiceException(ErrorCode.INVALID_HASH, "a hash has the wrong length for its algorithm");
            }
            out.add(bytes);
        }
        return out;
    }

    /** The canonical (re-encoded) base64 of each hash, so that a SAD compares bytes, not spellings. */
    static List<String> canonical(List<byte[]> hashes) {
        return hashes.stream().map(Base64.getEncoder()::encodeToString).toList();
    }
}
