package org.sigillum.web.error;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.web.documents.DocumentUploads;

/**
 * Bounds every request body. A declared length over the limit is refused with 413 before anything reads
 * the body; a chunked body is counted as it is read and stops with {@link PayloadTooLargeException}, which
 * the JSON error mappers turn into 413 as well. Undertow's max-post-size sits above this limit as a backstop.
 * The Document Signature API's uploads are bounded by their own, larger limit ({@link DocumentUploads}).
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
        if (DocumentUploads.SERVLET_NAME.equals(request.getHttpServletMapping().getServletName())) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > maxRequestBytes) {
            response.setHeader("Connection", "close");
            JsonErrors.write(response, ErrorCode.PAYLOAD_TOO_LARGE, "the request body exceeds " + maxRequestBytes + " bytes");
            return;
        }
        chain.doFilter(new BoundedRequest(request, maxRequestBytes), response);
    }

    private static final class BoundedRequest extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream bounded;

        BoundedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (bounded == null) {
                bounded = new BoundedInputStream(super.getInputStream(), limit);
            }
            return bounded;
        }
    }

    private static final class BoundedInputStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long count;

        BoundedInputStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) throws PayloadTooLargeException {
            count += n;
            if (count > limit) {
                throw new PayloadTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
