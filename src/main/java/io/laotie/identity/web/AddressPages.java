package io.laotie.identity.web;

import io.laotie.identity.AddressBook;
import io.laotie.identity.Caller;
import io.laotie.platform.Problem;
import io.laotie.platform.web.FormErrors;
import io.laotie.platform.web.Notices;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A buyer's address book (收货地址): list, add, choose the default, remove. */
@Controller
@RequestMapping("/me/addresses")
class AddressPages {

    private final AddressBook addresses;
    private final Notices notices;

    AddressPages(AddressBook addresses, Notices notices) {
        this.addresses = addresses;
        this.notices = notices;
    }

    @GetMapping
    String list(Caller caller, @ModelAttribute("form") AddressForm form, Model model) {
        return page(caller, model);
    }

    @PostMapping
    String add(Caller caller, @Valid @ModelAttribute("form") AddressForm form, BindingResult result, Model model,
               RedirectAttributes next) {
        if (result.hasErrors()) {
            return page(caller, model);
        }
        try {
            addresses.add(caller.accountId(), form.toNewAddress());
        } catch (Problem problem) {
            FormErrors.reject(result, problem);
            return page(caller, model);
        }
        notices.success(next, "address.added");
        return "redirect:/me/addresses";
    }

    @PostMapping("/{id}/default")
    String makeDefault(Caller caller, @PathVariable long id, RedirectAttributes next) {
        addresses.makeDefault(caller.accountId(), id);
        notices.success(next, "address.default-set");
        return "redirect:/me/addresses";
    }

    @PostMapping("/{id}/delete")
    String remove(Caller caller, @PathVariable long id, RedirectAttributes next) {
        addresses.remove(caller.accountId(), id);
        notices.success(next, "address.removed");
        return "redirect:/me/addresses";
    }

    private String page(Caller caller, Model model) {
        model.addAttribute("addresses", addresses.list(caller.accountId()));
        return "identity/addresses";
    }
}
