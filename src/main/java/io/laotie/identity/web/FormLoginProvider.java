package io.laotie.identity.web;

import io.laotie.identity.AccountIsSuspended;
import io.laotie.identity.Accounts;
import io.laotie.identity.BadCredentials;
import io.laotie.identity.Caller;
import io.laotie.identity.ClientInfo;
import io.laotie.identity.LoginChannel;
import io.laotie.platform.RateLimited;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/** The web login form checks credentials through {@link Accounts#logIn}, so web and API logins share rules and records. */
class FormLoginProvider implements AuthenticationProvider {

    private final Accounts accounts;

    FormLoginProvider(Accounts accounts) {
        this.accounts = accounts;
    }

    /** Captures where the login came from while the request is at hand. */
    static AuthenticationDetailsSource<HttpServletRequest, ClientInfo> details() {
        return ClientInfos::of;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        ClientInfo client = authentication.getDetails() instanceof ClientInfo c ? c : new ClientInfo("unknown", null, null);
        try {
            var account = accounts.logIn(authentication.getName(), String.valueOf(authentication.getCredentials()),
                    client, LoginChannel.WEB);
            return CallerAuthentication.of(new Caller(account.id(), account.handle(), account.roles()));
        } catch (BadCredentials e) {
            throw new BadCredentialsException(e.getMessage());
        } catch (AccountIsSuspended e) {
            throw new DisabledException(e.getMessage());
        } catch (RateLimited e) {
            throw new LockedException(e.getMessage());
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
