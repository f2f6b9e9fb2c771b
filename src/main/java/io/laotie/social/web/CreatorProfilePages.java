package io.laotie.social.web;

import io.laotie.identity.Accounts;
import io.laotie.identity.Caller;
import io.laotie.platform.Problem;
import io.laotie.platform.web.FormErrors;
import io.laotie.platform.web.Notices;
import io.laotie.social.Creator;
import io.laotie.social.Creators;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Optional;

/**
 * Becoming a creator (成为主播) and editing the creator profile, at the door of the studio. The first save makes the
 * account a creator and opens the studio; later saves change the profile.
 */
@Controller
@RequestMapping("/studio/profile")
class CreatorProfilePages {

    private final Creators creators;
    private final Accounts accounts;
    private final Notices notices;

    CreatorProfilePages(Creators creators, Accounts accounts, Notices notices) {
        this.creators = creators;
        this.accounts = accounts;
        this.notices = notices;
    }

    @GetMapping
    String profile(Caller caller, Model model) {
        Optional<Creator> creator = creators.find(caller.accountId());
        CreatorProfileForm form = creator.map(CreatorProfileForm::of).orElseGet(() -> {
            CreatorProfileForm blank = new CreatorProfileForm();
            blank.setDisplayName(accounts.get(caller.accountId()).displayName());
            return blank;
        });
        model.addAttribute("form", form);
        return show(creator, model);
    }

    @PostMapping
    String save(Caller caller, @Valid @ModelAttribute("form") CreatorProfileForm form, BindingResult result, Model model,
                RedirectAttributes next) {
        Optional<Creator> creator = creators.find(caller.accountId());
        if (!result.hasErrors()) {
            try {
                if (creator.isPresent()) {
                    Creator saved = creators.update(caller, form.toNewCreator());
                    notices.success(next, "studio.profile.saved", saved.displayName());
                    return "redirect:/studio/profile";
                }
                Creator made = creators.become(caller, form.toNewCreator());
                notices.success(next, "studio.profile.welcome", made.displayName());
                return "redirect:/studio";
            } catch (Problem problem) {
                FormErrors.reject(result, problem);
            }
        }
        return show(creator, model);
    }

    private static String show(Optional<Creator> creator, Model model) {
        model.addAttribute("creator", creator.orElse(null));
        return "studio/profile";
    }
}
