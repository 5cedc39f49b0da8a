package dev.ascendcp.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.ModelAndView;

class ErrorPageAdviceTests {

    private final ErrorPageAdvice advice = new ErrorPageAdvice();

    @Test
    void rendersTheErrorPageOfTheStatusForUiRequests() throws Exception {
        Object answer = advice.handle(
                new ErrorResponseException(HttpStatus.NOT_FOUND),
                new MockHttpServletRequest("GET", "/nodes/x"),
                new MockHttpServletResponse());
        assertThat(answer).isInstanceOf(ModelAndView.class);
        assertThat(((ModelAndView) answer).getViewName()).isEqualTo("error/404");
        assertThat(((ModelAndView) answer).getStatus()).isEqualTo(HttpStatus.NOT_FOUND);

        Object failure = advice.handle(
                new IllegalStateException("secret detail"),
                new MockHttpServletRequest("GET", "/jobs"),
                new MockHttpServletResponse());
        assertThat(((ModelAndView) failure).getViewName()).isEqualTo("error/500");
        assertThat(((ModelAndView) failure).getModel().toString()).doesNotContain("secret detail");
    }

    @Test
    void answersApiRequestsWithAProblemThatHidesTheCause() throws Exception {
        Object answer = advice.handle(
                new IllegalStateException("secret detail"),
                new MockHttpServletRequest("GET", "/api/v1/jobs"),
                new MockHttpServletResponse());
        assertThat(answer).isInstanceOf(ResponseEntity.class);
        ResponseEntity<?> entity = (ResponseEntity<?>) answer;
        assertThat(entity.getStatusCode().value()).isEqualTo(500);
        assertThat(((ProblemDetail) entity.getBody()).getDetail()).doesNotContain("secret");
    }

    @Test
    void leavesSecurityExceptionsToSpringSecurity() {
        assertThatThrownBy(() -> advice.handle(
                        new AccessDeniedException("no"),
                        new MockHttpServletRequest("GET", "/users"),
                        new MockHttpServletResponse()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void picksATemplateForEveryStatus() {
        assertThat(ErrorPageAdvice.viewFor(403)).isEqualTo("error/403");
        assertThat(ErrorPageAdvice.viewFor(400)).isEqualTo("error/4xx");
        assertThat(ErrorPageAdvice.viewFor(503)).isEqualTo("error/500");
    }
}
