package dev.ascendcp.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over the limit with a 400 problem, before anything reads them: by {@code Content-Length}
 * when it is given, by counting the bytes of a chunked body otherwise. Runs before Spring Security, so that an
 * unauthenticated client cannot make the server read a huge body either.
 */
@Component
class RequestSizeLimitFilter extends OncePerRequestFilter implements Ordered {

    private final WebProperties properties;

    RequestSizeLimitFilter(WebProperties properties) {
        this.properties = properties;
    }

    @Override
    public int getOrder() {
        return -110; // before Spring Security's filter chain (-100)
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitFor(request);
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            Problems.write(request, response, Problems.payloadTooLarge(limit));
            return;
        }
        if (declared >= 0) {
            chain.doFilter(request, response); // the container never reads past a declared length
            return;
        }
        CountingRequest counting = new CountingRequest(request, limit);
        try {
            chain.doFilter(counting, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!counting.exceeded() || response.isCommitted()) {
                throw e;
            }
            response.reset();
            Problems.write(request, response, Problems.payloadTooLarge(limit));
        }
    }

    private long limitFor(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return properties.importPaths().contains(path)
                ? properties.maxImportBodySize().toBytes()
                : properties.maxBodySize().toBytes();
    }

    /** Thrown when a chunked body passes the limit; the reader sees an I/O error and stops. */
    static final class PayloadTooLargeException extends IOException {

        final long limit;

        PayloadTooLargeException(long limit) {
            super("request body larger than " + limit + " bytes");
            this.limit = limit;
        }
    }

    private static final class CountingRequest extends HttpServletRequestWrapper {

        private final long limit;
        private long count;
        private boolean exceeded;
        private @Nullable ServletInputStream stream;

        CountingRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        boolean exceeded() {
            return exceeded;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream());
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(
                    getInputStream(), encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
        }

        private void add(long n) throws PayloadTooLargeException {
            count += n;
            if (count > limit) {
                exceeded = true;
                throw new PayloadTooLargeException(limit);
            }
        }

        private final class CountingStream extends ServletInputStream {

            private final ServletInputStream delegate;

            CountingStream(ServletInputStream delegate) {
                this.delegate = delegate;
            }

            @Override
            public int read() throws IOException {
                int b = delegate.read();
                if (b >= 0) {
                    add(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = delegate.read(buffer, offset, length);
                if (n > 0) {
                    add(n);
                }
                return n;
            }

            @Override
            public boolean isFinished() {
                return delegate.isFinished();
            }

            @Override
            public boolean isReady() {
                return delegate.isReady();
            }

            @Override
            public void setReadListener(ReadListener listener) {
                delegate.setReadListener(listener);
            }
        }
    }
}
