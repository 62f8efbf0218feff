package org.sigillum.documents;

import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;

/** The pictures a visible signature may show: PNG and JPEG, recognised by their signatures, not by what the caller says. */
final class SignatureImages {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};

    private SignatureImages() {
    }

    static String name(byte[] image) throws ServiceException {
        if (startsWith(image, PNG)) {
            return "signature.png";
        }
        if (startsWith(image, JPEG)) {
            return "signature.jpg";
        }
        throw new ServiceException(ErrorCode.INVALID_REQUEST, "the image must be PNG or JPEG");
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
