package io.laotie.identity.web;

import io.laotie.identity.AddressBook;
import io.laotie.identity.Caller;
import io.laotie.platform.Problem;
import io.laotie.platform.web.FormErrors;
import io.laotie.platform.web.Notices;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.regex.Pattern;

/**
 * A buyer's address book (收货地址): list, add, choose the default, remove. A buyer sent here from checkout
 * ({@code returnTo}) goes back there once the new address is saved.
 */
@Controller
@RequestMapping("/me/addresses")
class AddressPages {

    /** Only a checkout page may be gone back to, so no link can make this page send people anywhere else. */
    private static final Pattern CHECKOUT = Pattern.compile("/checkout\\?sku=\\d{1,19}(&quantity=\\d{1,3})?");

    private final AddressBook addresses;
    private final Notices notices;

    AddressPages(AddressBook addresses, Notices notices) {
        this.addresses = addresses;
        this.notices = notices;
    }

    @GetMapping
    String list(Caller caller, @ModelAttribute("form") AddressForm form, @RequestParam(required = false) @Nullable String returnTo,
                Model model) {
        model.addAttribute("returnTo", checkout(returnTo));
        return page(caller, model);
    }

    @PostMapping
    String add(Caller caller, @Valid @ModelAttribute("form") AddressForm form, BindingResult result,
               @RequestParam(required = false) @Nullable String returnTo, Model model, RedirectAttributes next) {
        String back = checkout(returnTo);
        model.addAttribute("returnTo", back);
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
        return "redirect:" + (back == null ? "/me/addresses" : back);
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

    private static @Nullable String checkout(@Nullable String returnTo) {
        return returnTo != null && CHECKOUT.matcher(returnTo).matches() ? returnTo : null;
    }

    private String page(Caller caller, Model model) {
        model.addAttribute("addresses", addresses.list(caller.accountId()));
        return "identity/addresses";
    }
}
