package io.laotie.platform.web;

import io.laotie.platform.Problem;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One-line messages shown at the top of the next page after a form post and redirect: {@code notice} when the
 * action worked, {@code alert} when a business problem stopped it. The layout shows both.
 */
@Component
public class Notices {

    private final MessageSource messages;

    Notices(MessageSource messages) {
        this.messages = messages;
    }

    /** The action worked: {@code code} names the message, in the reader's language. */
    public void success(RedirectAttributes next, String code, Object... args) {
        next.addFlashAttribute("notice", text(code, args));
    }

    /** A business problem stopped the action. */
    public void problem(RedirectAttributes next, Problem problem) {
        next.addFlashAttribute("alert", describe(problem));
    }

    /**
     * Does what a form asked: a success notice ({@code successCode}) when it works, the problem as an alert on the next
     * page when a business rule refuses it, instead of an error page.
     */
    public void attempt(RedirectAttributes next, String successCode, Runnable action) {
        try {
            action.run();
            success(next, successCode);
        } catch (Problem problem) {
            problem(next, problem);
        }
    }

    /** A message given by its code, for problems the page found itself. */
    public void alert(RedirectAttributes next, String code, Object... args) {
        next.addFlashAttribute("alert", text(code, args));
    }

    /** A message in the reader's language. */
    public String text(String code, Object... args) {
        return messages.getMessage(code, args, LocaleContextHolder.getLocale());
    }

    /**
     * A problem in the reader's language where its kind has a message ({@code problem.<slug>}); the detail the
     * module gave follows, since it names the particular case.
     */
    public String describe(Problem problem) {
        String kind = messages.getMessage("problem." + problem.slug(), null, problem.title(), LocaleContextHolder.getLocale());
        return kind + ": " + problem.detail();
    }
}
