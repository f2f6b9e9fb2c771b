package io.laotie.live.web;

import io.laotie.identity.Accounts;
import io.laotie.identity.Caller;
import io.laotie.live.Moderation;
import io.laotie.platform.Problem;
import io.laotie.platform.web.FormErrors;
import io.laotie.platform.web.Notices;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Operators' blocked-word list (屏蔽词): a comment containing any of them, in any case, is refused in every room.
 * The security chain keeps {@code /operator/**} to operators.
 */
@Controller
@RequestMapping("/operator/moderation")
class OperatorModerationPages {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** A word with who added it and when, in the platform zone. */
    record Line(String word, String addedBy, String addedAt) {
    }

    private final Moderation moderation;
    private final Accounts accounts;
    private final Notices notices;
    private final ZoneId zone;

    OperatorModerationPages(Moderation moderation, Accounts accounts, Notices notices, ZoneId platformZone) {
        this.moderation = moderation;
        this.accounts = accounts;
        this.notices = notices;
        this.zone = platformZone;
    }

    @GetMapping
    String page(@ModelAttribute("form") BlockedWordForm form, Model model) {
        return show(model);
    }

    @PostMapping
    String block(Caller operator, @Valid @ModelAttribute("form") BlockedWordForm form, BindingResult result, Model model,
                 RedirectAttributes next) {
        if (!result.hasErrors()) {
            try {
                String word = Objects.requireNonNull(form.getWord());
                boolean known = moderation.blockedWords().stream()
                        .anyMatch(w -> w.word().equals(word.strip().toLowerCase(Locale.ROOT)));
                Moderation.BlockedWord blocked = moderation.block(word, operator);
                notices.success(next, known ? "moderation.already" : "moderation.blocked", blocked.word());
                return "redirect:/operator/moderation";
            } catch (Problem problem) {
                FormErrors.reject(result, problem);
            }
        }
        return show(model);
    }

    @PostMapping("/removal")
    String unblock(@RequestParam(defaultValue = "") String word, RedirectAttributes next) {
        if (!word.isBlank()) {
            try {
                moderation.unblock(word);
                notices.success(next, "moderation.unblocked", word.strip());
            } catch (Problem problem) {
                notices.problem(next, problem);
            }
        }
        return "redirect:/operator/moderation";
    }

    private String show(Model model) {
        List<Moderation.BlockedWord> words = moderation.blockedWords();
        Set<Long> adders = new HashSet<>();
        words.forEach(w -> adders.add(w.addedBy()));
        Map<Long, String> names = accounts.displayNames(adders);
        model.addAttribute("words", words.stream().map(w -> new Line(w.word(), names.getOrDefault(w.addedBy(), "#" + w.addedBy()),
                WHEN.format(w.addedAt().atZone(zone)))).toList());
        return "operator/moderation";
    }
}
