package org.sigillum.web.error;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;

@Provider
public class ServiceExceptionMapper implements ExceptionMapper<ServiceException> {

    private static final Logger LOG = Logger.getLogger(ServiceExceptionMapper.class.getName());

    @Override
    public Response toResponse(ServiceException e) {
        if (e.code() == ErrorCode.SERVER_ERROR) {
            LOG.log(Level.WARNING, e.getMessage(), e.getCause());
        } else if (e.code() == ErrorCode.TEMPORARILY_UNAVAILABLE) {
            // one line per refusal: during an outage under load, stack traces would drown the log
            LOG.warning(() -> e.getMessage() + (e.getCause() == null ? "" : ": " + e.getCause().getMessage()));
        }
        return ErrorResponses.of(e.code(), e.getMessage());
    }
}
