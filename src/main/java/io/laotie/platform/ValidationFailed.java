package io.laotie.platform;

import java.util.List;

/** The request is malformed or breaks a field rule (400), or is well-formed but refused by the rules (422). */
public class ValidationFailed extends Problem {

    private final List<FieldError> errors;

    public ValidationFailed(List<FieldError> errors) {
        this(400, errors);
    }

    public ValidationFailed(int status, List<FieldError> errors) {
        super("validation", status, "Invalid request", describe(errors));
        this.errors = List.copyOf(errors);
    }

    public static ValidationFailed of(String field, String message) {
        return new ValidationFailed(List.of(new FieldError(field, message)));
    }

    /** A well-formed field the rules refuse, such as a name taken or a thing that is not there (422). */
    public static ValidationFailed unprocessable(String field, String message) {
        return new ValidationFailed(422, List.of(new FieldError(field, message)));
    }

    @Override
    public List<FieldError> errors() {
        return errors;
    }

    private static String describe(List<FieldError> errors) {
        return errors.isEmpty() ? "Invalid request"
                : errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElseThrow();
    }
}
