package org.sigillum.documents;

import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.DSSException;
import eu.europa.esig.dss.model.SerializableSignatureParameters;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.signature.DocumentSignatureService;
import eu.europa.esig.dss.signature.MultipleDocumentsSignatureService;
import eu.europa.esig.dss.spi.exception.IllegalInputException;
import java.util.List;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;

/**
 * One document, or the documents of one ASiC-E container, with the parameters they will be signed with, fixed
 * (signing time included) before the data to be signed is computed, so that the signature value made for those
 * bytes is embedded under identical parameters.
 */
final class PreparedSignature implements PendingSignature {

    private final DocumentSignatureService<SerializableSignatureParameters, ?> service;
    private final List<DSSDocument> documents;
    private final SerializableSignatureParameters parameters;
    private final boolean detached;
    private ToBeSigned dataToSign;

    PreparedSignature(DocumentSignatureService<SerializableSignatureParameters, ?> service, DSSDocument document,
                      SerializableSignatureParameters parameters, boolean detached) {
        this(service, List.of(document), parameters, detached);
    }

    /** Several documents under one signature: {@code service} must be DSS's ASiC service of the format. */
    PreparedSignature(DocumentSignatureService<SerializableSignatureParameters, ?> service, List<DSSDocument> documents,
                      SerializableSignatureParameters parameters, boolean detached) {
        if (documents.size() > 1 && !(service instanceof MultipleDocumentsSignatureService)) {
            throw new IllegalArgumentException("one signature over several documents needs an ASiC service");
        }
        this.service = service;
        this.documents = List.copyOf(documents);
        this.parameters = parameters;
        this.detached = detached;
    }

    /** DSS's refusal to read the document is the caller's problem, told in the API's format. */
    @Override
    public byte[] dataToSign(DocumentFormat format) throws ServiceException {
        try {
            if (dataToSign == null) {
                dataToSign = documents.size() == 1 ? service.getDataToSign(documents.get(0), parameters)
                        : several().getDataToSign(documents, parameters);
            }
            return dataToSign.getBytes();
        } catch (DSSException | IllegalInputException | IllegalArgumentException | IllegalStateException
                 | UnsupportedOperationException e) {
            // PDFBox reports structural damage (page tree loops, broken cross references) as IllegalStateException
            throw new ServiceException(ErrorCode.INVALID_REQUEST,
                    DssMessages.explain("the document cannot be signed as " + format, e));
        } catch (StackOverflowError e) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, DssMessages.TOO_DEEP);
        }
    }

    @Override
    public DSSDocument sign(SignatureValue value) throws ServiceException {
        PendingSignature.requireValid(service, dataToSign, value, parameters.getSigningCertificate());
        return documents.size() == 1 ? service.signDocument(documents.get(0), parameters, value)
                : several().signDocument(documents, parameters, value);
    }

    @SuppressWarnings("unchecked")
    private MultipleDocumentsSignatureService<SerializableSignatureParameters, ?> several() {
        return (MultipleDocumentsSignatureService<SerializableSignatureParameters, ?>) service;
    }

    @Override
    public boolean detached() {
        return detached;
    }
}
