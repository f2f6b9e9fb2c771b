package io.laotie.order;

import io.laotie.platform.Problem;

import java.util.List;

/**
 * An order-history file was refused whole (422 {@code validation}): every bad line with its number and reason, under
 * {@code errors:[{line, message}]}. Nothing of the file was kept.
 */
public class ImportRefused extends Problem {

    private final List<LineError> errors;

    public ImportRefused(List<LineError> errors) {
        super("validation", 422, "Invalid file", describe(errors));
        this.errors = List.copyOf(errors);
    }

    @Override
    public List<LineError> errors() {
        return errors;
    }

    private static String describe(List<LineError> errors) {
        return errors.size() == 1 ? "1 line is invalid; nothing was imported"
                : errors.size() + " lines are invalid; nothing was imported";
    }
}
