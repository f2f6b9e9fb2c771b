package io.laotie.identity.web;

import io.laotie.identity.Account;
import io.laotie.identity.Role;

import java.util.Set;

/**
 * The signed-in person as every page shows them: the header greets them by display name and offers the
 * entries their roles open. Templates ask {@code me.has('MERCHANT')}; roles still to come (creator, team
 * leader) are asked the same way.
 */
record Viewer(long id, String handle, String displayName, Set<Role> roles) {

    static Viewer of(Account account) {
        return new Viewer(account.id(), account.handle(), account.displayName(), account.roles());
    }

    public boolean has(String role) {
        return roles.stream().anyMatch(r -> r.name().equals(role));
    }
}
