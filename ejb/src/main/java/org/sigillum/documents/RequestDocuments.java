package org.sigillum.documents;

import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.validation.ValidationRequest;

/** Documents that arrive base64 in a JSON request, decoded with a clear refusal for what is not base64. */
public final class RequestDocuments {

    private static final int MAX_ORIGINALS = 20;

    private RequestDocuments() {
    }

    public static byte[] decode(String base64, String field) throws ServiceException {
        if (base64 == null) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, field + " (base64) is required");
        }
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, field + " must be base64");
        }
    }

    /** The documents a detached signature covers, as DSS takes them. */
    public static List<DSSDocument> originals(List<ValidationRequest.OriginalDocument> documents) throws ServiceException {
        List<DSSDocument> originals = new ArrayList<>();
        if (documents == null) {
            return originals;
        }
        if (documents.size() > MAX_ORIGINALS) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "at most " + MAX_ORIGINALS + " original documents");
        }
        for (ValidationRequest.OriginalDocument document : documents) {
            if (document == null || document.content() == null) {
                throw new ServiceException(ErrorCode.INVALID_REQUEST, "each original document needs its base64 content");
            }
            originals.add(new InMemoryDocument(decode(document.content(), "originalDocuments.content"), document.name()));
        }
        return originals;
    }
}
