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
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
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
        try {
            TimeStampRequest request = TimeStampResponder.parse(timeStampRequest);
            if (request == null) {
                return TimeStampResponder.rejection(PKIFailureInfo.badDataFormat, "the request is not a DER TimeStampReq");
            }
            CaKey tsa = ca.key(BuiltInCaBean.TSA);
            return new TimeStampResponder(policyOid, accuracySeconds).respond(request, tsa.signer(), tsa.certificate(),
                    List.of(ca.key(BuiltInCaBean.ISSUING).certificate()), new BigInteger(128, RANDOM).setBit(127), new Date());
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
