package org.sigillum.documents;

import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.signature.DocumentSignatureService;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;

/**
 * A signature prepared before the SAD is spent: its data to be signed is computed once, under parameters fixed
 * beforehand, and the HSM's value for it is checked and then embedded under the same parameters.
 */
interface PendingSignature {

    /** The bytes the HSM's signature covers; {@code format} names the format in refusals. */
    byte[] dataToSign(DocumentFormat format) throws ServiceException;

    DSSDocument sign(SignatureValue value) throws ServiceException;

    /** A value that does not verify against its data and the signer's certificate is never embedded. */
    static void requireValid(DocumentSignatureService<?, ?> checker, ToBeSigned dataToSign, SignatureValue value,
                             CertificateToken signer) throws ServiceException {
        if (!checker.isValidSignatureValue(dataToSign, value, signer)) {
            throw new ServiceException(ErrorCode.SERVER_ERROR, "the signature value does not verify against the data to be signed");
        }
    }

    /** Whether the result is a signature object beside the document rather than the signed document itself. */
    boolean detached();
}
