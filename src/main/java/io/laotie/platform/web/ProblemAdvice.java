package io.laotie.platform.web;

import io.laotie.platform.FieldError;
import io.laotie.platform.Problem;
import io.laotie.platform.ValidationFailed;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

import java.util.ArrayList;
import java.util.List;

/**
 * The one place where failures become answers. API requests get RFC 9457 problem details; page requests get the
 * error page with the same status. Unexpected exceptions are logged and answered 500 without internals.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(Problem.class)
    Object problem(Problem problem, HttpServletRequest request) {
        return answer(request, ProblemResponses.entity(problem, request));
    }

    @ExceptionHandler(BindException.class) // includes MethodArgumentNotValidException
    Object invalidBody(BindException e, HttpServletRequest request) {
        List<FieldError> errors = new ArrayList<>();
        e.getBindingResult().getFieldErrors().forEach(f -> errors.add(new FieldError(f.getField(), message(f.getDefaultMessage()))));
        e.getBindingResult().getGlobalErrors().forEach(g -> errors.add(new FieldError(g.getObjectName(), message(g.getDefaultMessage()))));
        return validation(errors, request);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    Object invalidParameters(HandlerMethodValidationException e, HttpServletRequest request) {
        List<FieldError> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                errors.add(new FieldError(result.getMethodParameter().getParameterName() == null ? "parameter"
                        : result.getMethodParameter().getParameterName(), message(error.getDefaultMessage())))));
        return validation(errors, request);
    }

    @ExceptionHandler(jakarta.validation.ConstraintViolationException.class)
    Object violated(jakarta.validation.ConstraintViolationException e, HttpServletRequest request) {
        List<FieldError> errors = new ArrayList<>();
        e.getConstraintViolations().forEach(v -> {
            String path = v.getPropertyPath().toString();
            errors.add(new FieldError(path.contains(".") ? path.substring(path.indexOf('.') + 1) : path, v.getMessage()));
        });
        return validation(errors, request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    Object unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        Throwable cause = e.getCause();
        if (cause instanceof JacksonException jackson && !(cause instanceof StreamReadException) && !jackson.getPath().isEmpty()) {
            String field = jackson.getPathReference() == null ? "body" : path(jackson);
            return validation(List.of(new FieldError(field, "has the wrong type or format")), request);
        }
        String detail = cause == null ? "The request body is missing" : "The request body is not valid JSON";
        return validation(List.of(new FieldError("body", detail)), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    Object typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return validation(List.of(new FieldError(e.getName(), "has the wrong type or format")), request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    Object missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
        return validation(List.of(new FieldError(e.getParameterName(), "is required")), request);
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    Object missingHeader(MissingRequestHeaderException e, HttpServletRequest request) {
        return validation(List.of(new FieldError(e.getHeaderName(), "header is required")), request);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    Object unsupportedMediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return simple(request, "unsupported-media-type", 415, "Unsupported media type", "Send application/json");
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    Object notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
        return simple(request, "not-acceptable", 406, "Not acceptable", "This resource answers application/json");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    Object methodNotAllowed(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return simple(request, "method-not-allowed", 405, "Method not allowed", e.getMessage());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    Object noResource(NoResourceFoundException e, HttpServletRequest request) {
        return simple(request, "not-found", 404, "Not found", "No resource at " + request.getRequestURI());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return simple(request, "validation", 413, "Request too large", e.getMessage());
    }

    @ExceptionHandler(DuplicateKeyException.class)
    Object duplicate(DuplicateKeyException e, HttpServletRequest request) {
        return simple(request, "conflict", 409, "Conflict", "That already exists");
    }

    @ExceptionHandler(Exception.class)
    Object unexpected(Exception e, HttpServletRequest request) throws Exception {
        if (e instanceof org.springframework.security.access.AccessDeniedException
                || e instanceof org.springframework.security.core.AuthenticationException) {
            throw e; // let Spring Security's entry point and access-denied handler answer
        }
        log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return simple(request, "internal", 500, "Internal error", "Something went wrong on our side");
    }

    private static Object validation(List<FieldError> errors, HttpServletRequest request) {
        return answer(request, ProblemResponses.entity(new ValidationFailed(errors), request));
    }

    private static Object simple(HttpServletRequest request, String slug, int status, String title, String detail) {
        return answer(request, ResponseEntity.status(status).contentType(ProblemResponses.PROBLEM_JSON)
                .body(ProblemResponses.body(slug, status, title, detail, null, request.getRequestURI())));
    }

    private static Object answer(HttpServletRequest request, ResponseEntity<ProblemDetail> entity) {
        if (ProblemResponses.isApi(request)) {
            return entity;
        }
        ModelAndView page = new ModelAndView("error");
        page.setStatus(ProblemResponses.statusOf(entity.getStatusCode().value()));
        ProblemDetail body = entity.getBody();
        page.addObject("status", entity.getStatusCode().value());
        page.addObject("problem", body);
        return page;
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String message(String message) {
        return message == null ? "is invalid" : message;
    }
}
