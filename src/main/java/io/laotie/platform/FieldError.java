package io.laotie.platform;

/** One invalid field of a request: the JSON path of the field and what is wrong with it. */
public record FieldError(String field, String message) {
}
