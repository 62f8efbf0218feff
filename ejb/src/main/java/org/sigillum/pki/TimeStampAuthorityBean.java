package org.sigillum.pki;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.RuntimeOperatorException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.service.TimeStampAuthority;
import org.sigillum.enrollment.BuiltInCaBean;
import org.sigillum.enrollment.CaKey;

/**
 * The built-in TSA: tokens signed in the HSM with the TSA key, certified by the built-in issuing CA. Serial
 * numbers are 128 random bits, so nodes need not coordinate to keep them unique.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class TimeStampAuthorityBean implements TimeStampAuthority {

    /** Sigillum's arc is 2.25.289314744165055727315510854504191232832 (a UUID OID, X.667); .1 holds policies. */
    static final String DEFAULT_POLICY = "2.25.289314744165055727315510854504191232832.1.1";
    private static final SecureRandom RANDOM = new SecureRandom();

    @EJB
    private BuiltInCaBean ca;

    @Inject
    @ConfigProperty(name = "sigillum.tsa.policy-oid", defaultValue = DEFAULT_POLICY)
    String policyOid;
    @Inject
    @ConfigProperty(name = "sigillum.tsa.accuracy-seconds", defaultValue = "1")
    int accuracySeconds;

    @Override
    public byte[] respond(byte[] timeStampRequest) throws ServiceException {
        return respond(timeStampRequest, ca.key(BuiltInCaBean.TSA), ca.key(BuiltInCaBean.ISSUING).certificate());
    }

    @Override
    public UnaryOperator<byte[]> detachedResponder() throws ServiceException {
        CaKey tsa = ca.key(BuiltInCaBean.TSA);
        X509CertificateHolder issuing = ca.key(BuiltInCaBean.ISSUING).certificate();
        return request -> {
            try {
                return respond(request, tsa, issuing);
            } catch (ServiceException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        };
    }

    private byte[] respond(byte[] timeStampRequest, CaKey tsa, X509CertificateHolder issuing) throws ServiceException {
        try {
            TimeStampRequest request = TimeStampResponder.parse(timeStampRequest);
            if (request == null) {
                return TimeStampResponder.rejection(PKIFailureInfo.badDataFormat, "the request is not a DER TimeStampReq");
            }
            return new TimeStampResponder(policyOid, accuracySeconds).respond(request, tsa.signer(), tsa.certificate(),
                    List.of(issuing), new BigInteger(128, RANDOM).setBit(127), new Date());
        } catch (RuntimeOperatorException e) {
            throw new ServiceException(ErrorCode.TEMPORARILY_UNAVAILABLE, "the TSA cannot sign now; retry later", e);
        } catch (TSPException | IOException | OperatorCreationException e) {
            if (e.getCause() instanceof RuntimeOperatorException) {
                throw new ServiceException(ErrorCode.TEMPORARILY_UNAVAILABLE, "the TSA cannot sign now; retry later", e);
            }
            throw new ServiceException(ErrorCode.SERVER_ERROR, "the time-stamp could not be made", e);
        }
    }
}
