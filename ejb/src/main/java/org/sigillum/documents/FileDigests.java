package org.sigillum.documents;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;

/** The digest of a document's bytes, what the SAD was authorized for, read from its file in small pieces. */
final class FileDigests {

    private FileDigests() {
    }

    static byte[] digest(DigestAlgorithm algorithm, Path file) throws ServiceException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance(algorithm.getJavaName());
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return digest.digest();
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new ServiceException(ErrorCode.SERVER_ERROR, "the uploaded document could not be read", e);
        }
    }
}
