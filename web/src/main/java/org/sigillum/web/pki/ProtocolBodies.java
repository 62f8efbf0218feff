package org.sigillum.web.pki;

import java.io.IOException;
import java.io.InputStream;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.web.error.PayloadTooLargeException;

/**
 * Reads the DER body of a TSA or OCSP request, bounded far below the general request limit: such requests
 * are a few hundred bytes, and a large one can only be an attempt to make the server parse it.
 */
final class ProtocolBodies {

    static final int MAX_BYTES = 64 * 1024;

    private ProtocolBodies() {
    }

    static byte[] read(InputStream body) throws ServiceException {
        try {
            byte[] bytes = body == null ? new byte[0] : body.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw tooLarge();
            }
            return bytes;
        } catch (PayloadTooLargeException e) {
            throw tooLarge();
        } catch (IOException e) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "the request body could not be read");
        }
    }

    private static ServiceException tooLarge() {
        return new ServiceException(ErrorCode.PAYLOAD_TOO_LARGE, "the request body exceeds " + MAX_BYTES + " bytes");
    }
}
