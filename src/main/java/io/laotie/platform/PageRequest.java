package io.laotie.platform;

import java.util.List;

/**
 * A requested page: {@code page} is 0-based, {@code size} defaults to 20 and may not exceed 100.
 * Out-of-range values are refused with a validation problem rather than silently clamped.
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public PageRequest {
        if (page < 0 || page > 1_000_000) {
            throw new ValidationFailed(List.of(new FieldError("page", "must be between 0 and 1000000")));
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new ValidationFailed(List.of(new FieldError("size", "must be between 1 and " + MAX_SIZE)));
        }
    }

    public static PageRequest of(Integer page, Integer size) {
        return new PageRequest(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
    }

    public long offset() {
        return (long) page * size;
    }
}
