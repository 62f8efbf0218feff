package org.sigillum.pki;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.operator.RuntimeOperatorException;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.service.OcspService;
import org.sigillum.enrollment.BuiltInCaBean;
import org.sigillum.enrollment.CaKey;

/** OCSP for the built-in issuing CA's certificates, from the register, signed by the issuing CA in the HSM. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class OcspResponderBean implements OcspService {

    @EJB
    private BuiltInCaBean ca;
    @EJB
    private CertificateRegisterBean register;

    @Override
    public byte[] respond(byte[] ocspRequest) throws ServiceException {
        CaKey issuing = ca.key(BuiltInCaBean.ISSUING);
        try {
            return new OcspResponder(issuing.certificate()).respond(ocspRequest,
                    serial -> register.state(BuiltInCaBean.ISSUING, serial), issuing::signer,
                    Instant.now().truncatedTo(ChronoUnit.SECONDS));
        } catch (RuntimeOperatorException e) {
            throw new ServiceException(ErrorCode.TEMPORARILY_UNAVAILABLE, "the OCSP responder cannot sign now; retry later", e);
        } catch (OCSPException | IOException e) {
            if (e.getCause() instanceof RuntimeOperatorException) {
                throw new ServiceException(ErrorCode.TEMPORARILY_UNAVAILABLE, "the OCSP responder cannot sign now; retry later", e);
            }
            throw new ServiceException(ErrorCode.SERVER_ERROR, "the OCSP response could not be made", e);
        }
    }
}
