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
        if (e.code() == ErrorCode.SERVER_ERROR || e.code() == ErrorCode.TEMPORARILY_UNAVAILABLE) {
            LOG.log(Level.WARNING, e.getMessage(), e.getCause());
        }
        return ErrorResponses.of(e.code(), e.getMessage());
    }
}
