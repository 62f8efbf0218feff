package org.sigillum.web.error;

import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sigillum.api.error.ApiError;
import org.sigillum.api.error.ErrorCode;

/**
 * Refuses a body whose declared length exceeds the limit with 413 in the API's error format, before anything
 * reads it. Undertow's max-post-size, set to the same value, stops chunked bodies that grow past it.
 */
@WebFilter(urlPatterns = "/*")
public class RequestSizeLimitFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    @ConfigProperty(name = "sigillum.max-request-bytes", defaultValue = "10485760")
    long maxRequestBytes;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getContentLengthLong() > maxRequestBytes) {
            response.setStatus(413);
            response.setContentType("application/json");
            response.setHeader("Connection", "close");
            try (Jsonb jsonb = JsonbBuilder.create()) {
                ApiError error = ApiError.of(ErrorCode.PAYLOAD_TOO_LARGE, "the request body exceeds " + maxRequestBytes + " bytes");
                response.getOutputStream().write(jsonb.toJson(error).getBytes(StandardCharsets.UTF_8));
            } catch (Exception e) {
                throw new ServletException(e);
            }
            return;
        }
        chain.doFilter(request, response);
    }
}
