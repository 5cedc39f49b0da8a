package dev.ascendcp.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

class RequestSizeLimitFilterTests {

    private final RequestSizeLimitFilter filter = new RequestSizeLimitFilter(
            new WebProperties(DataSize.ofBytes(100), DataSize.ofBytes(1000), List.of("/api/v1/nodes/import")));

    /** A request as a chunked upload arrives: the body is there, its length is not known up front. */
    private static MockHttpServletRequest chunked(String uri, int size) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", uri) {
            @Override
            public int getContentLength() {
                return -1;
            }

            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        request.setContent(new byte[size]);
        return request;
    }

    private static MockFilterChain readingChain() {
        return new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
            @Override
            protected void service(
                    jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse res)
                    throws IOException {
                byte[] body = req.getInputStream().readAllBytes();
                res.setStatus(200);
                res.getWriter().write("read " + body.length);
            }
        });
    }

    @Test
    void countsTheBytesOfAChunkedBody() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(chunked("/api/v1/users", 101), response, readingChain());
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("payload-too-large").contains("100 bytes");
    }

    @Test
    void letsBodiesWithinTheLimitThrough() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(chunked("/api/v1/users", 100), response, readingChain());
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).isEqualTo("read 100");
    }

    @Test
    void refusesADeclaredLengthOverTheLimitWithoutReading() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/users");
        request.setContent(new byte[500]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = readingChain();
        filter.doFilter(request, response, chain);
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void givesTheImportPathItsLargerLimit() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(chunked("/api/v1/nodes/import", 900), response, readingChain());
        assertThat(response.getStatus()).isEqualTo(200);
        MockHttpServletResponse tooBig = new MockHttpServletResponse();
        filter.doFilter(chunked("/api/v1/nodes/import", 1001), tooBig, readingChain());
        assertThat(tooBig.getStatus()).isEqualTo(400);
    }
}
