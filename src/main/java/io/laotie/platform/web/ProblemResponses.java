package io.laotie.platform.web;

import io.laotie.platform.Problem;
import io.laotie.platform.RateLimited;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.util.List;

/** Turns problems into RFC 9457 bodies with {@code type = urn:laotie:problem:<slug>}; used by the MVC advice and by the security filters. */
@Component
public class ProblemResponses {

    public static final String TYPE_PREFIX = "urn:laotie:problem:";
    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private final JsonMapper json;

    public ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    public static ProblemDetail body(String slug, int status, String title, @Nullable String detail,
                                     @Nullable List<?> errors, @Nullable String instance) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create(TYPE_PREFIX + slug));
        problem.setTitle(title);
        if (detail != null) {
            problem.setDetail(detail);
        }
        if (instance != null) {
            problem.setInstance(URI.create(instance));
        }
        if (errors != null) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    public static ResponseEntity<ProblemDetail> entity(Problem problem, HttpServletRequest request) {
        List<?> errors = problem.errors();
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(problem.status()).contentType(PROBLEM_JSON);
        if (problem instanceof RateLimited limited) {
            builder.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, limited.retryAfter().toSeconds())));
        }
        return builder.body(body(problem.slug(), problem.status(), problem.title(), problem.detail(), errors,
                request.getRequestURI()));
    }

    /** Writes a problem straight to the response, for code that runs before MVC (security filters). */
    public void write(HttpServletRequest request, HttpServletResponse response, Problem problem) throws IOException {
        ResponseEntity<ProblemDetail> entity = entity(problem, request);
        response.setStatus(entity.getStatusCode().value());
        entity.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        response.setContentType(PROBLEM_JSON.toString());
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), entity.getBody());
    }

    public static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") || path.equals("/api") || path.startsWith("/hooks/")
                || path.startsWith("/v3/") || path.startsWith("/actuator");
    }

    static HttpStatus statusOf(int status) {
        HttpStatus resolved = HttpStatus.resolve(status);
        return resolved == null ? HttpStatus.INTERNAL_SERVER_ERROR : resolved;
    }
}
