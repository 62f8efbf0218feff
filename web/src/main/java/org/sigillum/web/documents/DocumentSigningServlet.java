package org.sigillum.web.documents;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.sigillum.api.auth.RequestCaller;
import org.sigillum.api.auth.TokenPrincipal;
import org.sigillum.api.documents.DocumentBatch;
import org.sigillum.api.documents.SignedDocument;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.service.BearerTokens;
import org.sigillum.api.service.DocumentFileSigning;
import org.sigillum.web.error.Incident;
import org.sigillum.web.error.JsonErrors;
import org.sigillum.web.security.BearerFilter;
import org.sigillum.web.security.BearerHeader;

/**
 * {@code POST /api/v1/documents/sign}, multipart/form-data. A servlet rather than a JAX-RS resource because its
 * body must reach the disk part by part (see {@link DocumentUploads}) and its answer leave from a file. It takes the
 * same bearer tokens as the CSC API, and answers errors in the API's JSON format.
 */
public class DocumentSigningServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(DocumentSigningServlet.class.getName());

    private transient BearerTokens tokens;
    private transient DocumentFileSigning signing;
    private transient RequestCaller caller;
    private transient UploadLimits limits;
    private transient Path temporaryRoot;

    /**
     * The services are looked up through CDI rather than injected: this servlet is registered at run time by
     * {@link DocumentUploads}, and a lookup does not depend on the container having scanned it as a component.
     */
    @Override
    public void init() {
        tokens = CDI.current().select(BearerTokens.class).get();
        signing = CDI.current().select(DocumentFileSigning.class).get();
        caller = CDI.current().select(RequestCaller.class).get();
        limits = UploadLimits.fromConfig();
        Object temporary = getServletContext().getAttribute(ServletContext.TEMPDIR);
        temporaryRoot = temporary instanceof File directory ? directory.toPath()
                : Path.of(System.getProperty("java.io.tmpdir"));
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"POST".equals(request.getMethod())) {
            response.setHeader("Allow", "POST");
            JsonErrors.write(response, 405, ErrorCode.INVALID_REQUEST, "use POST with a multipart/form-data body");
            return;
        }
        try {
            sign(request, response);
        } catch (ServiceException e) {
            refuse(response, e);
        } catch (RuntimeException e) {
            Incident incident = Incident.of(e);
            if (!response.isCommitted()) {
                JsonErrors.write(response, incident.code(), incident.description());
            }
        }
    }

    private void sign(HttpServletRequest request, HttpServletResponse response) throws ServiceException, IOException {
        if (request.getContentLengthLong() > limits.maxRequestBytes()) {
            throw new ServiceException(ErrorCode.PAYLOAD_TOO_LARGE, "the request body exceeds "
                    + limits.maxRequestBytes() + " bytes");
        }
        String token = BearerHeader.token(request.getHeader("Authorization"));
        TokenPrincipal principal = authenticated(token);
        String contentType = request.getContentType();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            JsonErrors.write(response, 415, ErrorCode.INVALID_REQUEST, "send multipart/form-data");
            return;
        }
        try (WorkDirectory work = WorkDirectory.create(temporaryRoot)) {
            DocumentBatch batch = MultipartDocuments.read(request, limits, work.path());
            List<SignedDocument> signed = signing.sign(principal, token, batch);
            SignedDocumentsResponse.write(response, signed);
        }
    }

    private TokenPrincipal authenticated(String token) throws ServiceException {
        TokenPrincipal principal = BearerFilter.cscPrincipal(tokens, token);
        caller.authenticated(principal);
        return principal;
    }

    private static void refuse(HttpServletResponse response, ServiceException e) throws IOException {
        if (e.code() == ErrorCode.SERVER_ERROR) {
            LOG.log(Level.WARNING, e.getMessage(), e.getCause());
        }
        if (e.code() == ErrorCode.INVALID_TOKEN) {
            response.setHeader("WWW-Authenticate", BearerFilter.CHALLENGE);
        }
        // the body may be unread, and may be large: rather than drain it, the connection ends with this answer
        response.setHeader("Connection", "close");
        if (e.code() == ErrorCode.TEMPORARILY_UNAVAILABLE) {
            response.setHeader("Retry-After", "5");
        }
        JsonErrors.write(response, e.code(), e.getMessage());
    }
}
