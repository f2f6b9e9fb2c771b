package io.laotie.platform.web;

import io.laotie.platform.FieldError;
import io.laotie.platform.Problem;
import io.laotie.platform.ValidationFailed;
import org.springframework.validation.BindingResult;

import java.util.function.UnaryOperator;

/**
 * Puts a business problem back onto the form it came from, so the page shows it beside the fields instead of
 * an error page. Field errors land on the field of the same name when the form has one; everything else is a
 * form-wide error, in the reader's language when {@code problem.<slug>} has a message.
 */
public final class FormErrors {

    private FormErrors() {
    }

    public static void reject(BindingResult form, Problem problem) {
        reject(form, problem, UnaryOperator.identity());
    }

    /** {@code formField} renames a module's field to the form's (a form may skip blank rows, say). */
    public static void reject(BindingResult form, Problem problem, UnaryOperator<String> formField) {
        if (problem instanceof ValidationFailed invalid && !invalid.errors().isEmpty()) {
            for (FieldError error : invalid.errors()) {
                String field = formField.apply(error.field());
                if (form.getFieldType(field) != null) {
                    form.rejectValue(field, "problem.field", error.message());
                } else {
                    form.reject("problem.field", error.field() + ": " + error.message());
                }
            }
            return;
        }
        form.reject("problem." + problem.slug(), problem.detail());
    }
}
