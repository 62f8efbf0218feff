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
import org.sigillum.api.error.HsmFailures;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.service.ServiceInfo;
import org.sigillum.hsm.HsmConnection;
import org.sigillum.hsm.HsmConnectionFactory;
import org.sigillum.hsm.HsmException;
import org.sigillum.settings.ServiceSettings;

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
            "credentials/authorize", "credentials/extendTransaction", "credentials/getChallenge", "signatures/signHash",
            "signatures/timestamp", "signatures/signDoc", "signatures/signPolling", "oauth2/authorize", "oauth2/token",
            "oauth2/revoke", "oauth2/pushed_authorize");
    static final String LOGIN = "auth/login";
    /** signDoc's formats and, at the same index, their signed_envelope_property values (DocumentFormat's). */
    static final InfoResponse.SignatureFormats SIGNATURE_FORMATS = new InfoResponse.SignatureFormats(
            List.of("C", "X", "P", "J"), List.of(List.of("Attached", "Detached"),
                    List.of("Enveloped", "Enveloping", "Detached"), List.of("Revision", "Certification"),
                    List.of("Attached", "Detached")));
    /** The specification's spelling; signDoc accepts these and the AdES-B-B forms alike. */
    static final List<String> CONFORMANCE_LEVELS = List.of("Ades-B-B", "Ades-B-T", "Ades-B-LT", "Ades-B-LTA");

    @Inject
    ServiceSettings settings;
    @Inject
    @ConfigProperty(name = "sigillum.region", defaultValue = "EU")
    String region;
    /**
     * How info names the authorization server: {@code issuer} publishes {@code oauth2Issuer} (RFC 8414 metadata
     * at the public URL), {@code base} publishes {@code oauth2} (the base URI clients append oauth2/... to).
     */
    @Inject
    @ConfigProperty(name = "sigillum.csc.oauth2-discovery", defaultValue = "issuer")
    String oauth2Discovery;

    @Resource(lookup = HsmConnectionFactory.JNDI_NAME)
    private HsmConnectionFactory hsm;

    private volatile List<String> signAlgorithms;

    @Override
    public InfoResponse info(String lang) throws ServiceException {
        Descriptions.Localized text = Descriptions.forLanguage(lang);
        List<String> methods = new java.util.ArrayList<>(METHODS);
        if (settings.loginEnabled()) {
            methods.add(1, LOGIN);
        }
        boolean byIssuer = !"base".equals(oauth2Discovery);
        // validationInfo: signDoc answers returnValidationInfo; asynchronous mode: signHash and signDoc with
        // operationMode A, outcomes fetched with signPolling
        return new InfoResponse(SPECS, settings.name(), settings.publicUrl() + "/logo.png", region, text.lang(),
                text.description(), settings.loginEnabled() ? List.of("basic", "oauth2code") : List.of("oauth2code"),
                byIssuer ? null : oauth2BaseUri(), byIssuer ? settings.publicUrl() : null, true, methods, true,
                new InfoResponse.SignAlgorithms(signAlgorithms()), SIGNATURE_FORMATS, CONFORMANCE_LEVELS);
    }

    /** The base URI of the OAuth 2.0 endpoints, without a trailing slash: clients append "/oauth2/token". */
    @Override
    public String oauth2BaseUri() {
        return settings.publicUrl() + "/csc/v2";
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
