package io.laotie.identity.web;

import io.laotie.identity.Caller;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The security principal is the {@link Caller}; its authorities are its roles as {@code ROLE_*}. */
final class CallerAuthentication {

    private CallerAuthentication() {
    }

    static Authentication of(Caller caller) {
        var authorities = caller.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
        return UsernamePasswordAuthenticationToken.authenticated(caller, null, authorities);
    }
}
