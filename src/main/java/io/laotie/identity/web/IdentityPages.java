package io.laotie.identity.web;

import io.laotie.identity.Account;
import io.laotie.identity.Accounts;
import io.laotie.identity.Caller;
import io.laotie.identity.NewAccount;
import io.laotie.platform.Problem;
import io.laotie.platform.web.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The login page and sign-up. Spring Security checks the login form's post (see {@link SecurityConfig});
 * sign-up creates the account and signs the newcomer in at once.
 */
@Controller
class IdentityPages {

    private final Accounts accounts;
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
    /** What the login form does on success too: a new session id and a new CSRF token. */
    private final SessionAuthenticationStrategy freshSession = new CompositeSessionAuthenticationStrategy(List.of(
            new ChangeSessionIdAuthenticationStrategy(), new CsrfAuthenticationStrategy(new HttpSessionCsrfTokenRepository())));

    IdentityPages(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/login")
    String login(Optional<Caller> caller) {
        return caller.isPresent() ? "redirect:/" : "identity/login";
    }

    @GetMapping("/signup")
    String signupForm(Optional<Caller> caller, @ModelAttribute("form") SignupForm form) {
        return caller.isPresent() ? "redirect:/" : "identity/signup";
    }

    @PostMapping("/signup")
    String signUp(@Valid @ModelAttribute("form") SignupForm form, BindingResult result,
                  HttpServletRequest request, HttpServletResponse response) {
        if (!result.hasFieldErrors("handle") && accounts.findByHandle(Objects.requireNonNull(form.getHandle())).isPresent()) {
            result.rejectValue("handle", "signup.handle.taken");
        }
        if (result.hasErrors()) {
            return "identity/signup";
        }
        Account account;
        try {
            account = accounts.signUp(new NewAccount(Objects.requireNonNull(form.getHandle()), Objects.requireNonNull(form.getPassword()),
                    form.getDisplayName(), form.getCity()), ClientInfos.of(request));
        } catch (Problem problem) {
            FormErrors.reject(result, problem);
            return "identity/signup";
        }
        signIn(account, request, response);
        return "redirect:/";
    }

    /**
     * Starts a web session for a fresh account, under a new session id and CSRF token, so nothing planted before
     * sign-up carries over.
     */
    private void signIn(Account account, HttpServletRequest request, HttpServletResponse response) {
        Authentication authentication = CallerAuthentication.of(new Caller(account.id(), account.handle(), account.roles()));
        freshSession.onAuthentication(authentication, request, response);
        SecurityContext context = SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.getContextHolderStrategy().setContext(context);
        sessions.saveContext(context, request, response);
    }
}
