package org.sigillum.info;

import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sigillum.api.csc.InfoResponse;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.service.ServiceInfo;
import org.sigillum.hsm.HsmConnection;
import org.sigillum.hsm.HsmConnectionFactory;
import org.sigillum.hsm.HsmException;
import org.sigillum.keys.HsmFailures;

/**
 * CSC {@code info} from live configuration. The signature algorithms are those the HSM's mechanisms allow,
 * read once from the token and kept, since a token's mechanism list does not change while it runs.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ServiceInfoBean implements ServiceInfo {

    static final String SPECS = "2.0.0.2";
    /** The CSC methods this server implements; grows as they land, and lists nothing that does not exist. */
    static final List<String> METHODS = List.of("info", "auth/revoke", "credentials/list", "credentials/info",
            "credentials/authorize", "credentials/extendTransaction", "signatures/signHash", "signatures/timestamp",
            "signatures/signDoc", "oauth2/authorize", "oauth2/token", "oauth2/revoke", "oauth2/pushed_authorize");
    static final String LOGIN = "auth/login";

    @Inject
    @ConfigProperty(name = "sigillum.name", defaultValue = "Sigillum")
    String name;
    @Inject
    @ConfigProperty(name = "sigillum.public-url", defaultValue = "http://127.0.0.1:8080")
    String publicUrl;
    @Inject
    @ConfigProperty(name = "sigillum.region", defaultValue = "EU")
    String region;
    @Inject
    @ConfigProperty(name = "sigillum.login.enabled", defaultValue = "true")
    boolean loginEnabled;

    @Resource(lookup = HsmConnectionFactory.JNDI_NAME)
    private HsmConnectionFactory hsm;

    private volatile List<String> signAlgorithms;

    @Override
    public InfoResponse info(String lang) throws ServiceException {
        Descriptions.Localized text = Descriptions.forLanguage(lang);
        List<String> methods = new java.util.ArrayList<>(METHODS);
        if (loginEnabled) {
            methods.add(1, LOGIN);
        }
        return new InfoResponse(SPECS, name, publicUrl + "/logo.png", region, text.lang(), text.description(),
                loginEnabled ? List.of("basic", "oauth2code") : List.of("oauth2code"), publicUrl + "/csc/v2/", publicUrl,
                methods, new InfoResponse.SignAlgorithms(signAlgorithms()));
    }

    private List<String> signAlgorithms() throws ServiceException {
        List<String> known = signAlgorithms;
        if (known == null) {
            try (HsmConnection connection = hsm.getConnection()) {
                known = connection.selfTest().signatureAlgorithmOids();
            } catch (HsmException e) {
                throw HsmFailures.toServiceException("reading the HSM's algorithms", e);
            }
            signAlgorithms = known;
        }
        return known;
    }
}
