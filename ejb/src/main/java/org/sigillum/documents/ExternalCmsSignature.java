package org.sigillum.documents;

import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.DSSMessageDigest;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.ExternalCMSService;
import eu.europa.esig.dss.signature.DocumentSignatureService;
import org.sigillum.api.error.ServiceException;

/**
 * A PDF known only by the digest of its signed byte ranges: the client prepared the PDF's signature dictionary
 * and sends that digest; Sigillum makes the PAdES CMS signature the client then embeds (DSS's external CMS
 * service on both sides).
 */
final class ExternalCmsSignature implements PendingSignature {

    private final ExternalCMSService service;
    private final DocumentSignatureService<?, ?> valueChecker;
    private final DSSMessageDigest messageDigest;
    private final PAdESSignatureParameters parameters;
    private ToBeSigned dataToSign;

    /** {@code valueChecker}: any DSS signature service; checking a value against its data is format-independent. */
    ExternalCmsSignature(ExternalCMSService service, DocumentSignatureService<?, ?> valueChecker,
                         DSSMessageDigest messageDigest, PAdESSignatureParameters parameters) {
        this.service = service;
        this.valueChecker = valueChecker;
        this.messageDigest = messageDigest;
        this.parameters = parameters;
    }

    @Override
    public byte[] dataToSign(DocumentFormat format) {
        if (dataToSign == null) {
            dataToSign = service.getDataToSign(messageDigest, parameters);
        }
        return dataToSign.getBytes();
    }

    @Override
    public DSSDocument sign(SignatureValue value) throws ServiceException {
        PendingSignature.requireValid(valueChecker, dataToSign, value, parameters.getSigningCertificate());
        return service.signMessageDigest(messageDigest, parameters, value);
    }

    @Override
    public boolean detached() {
        return true;
    }
}
