package io.laotie.identity;

import java.util.Set;

/**
 * The signed-in account behind a request, with its roles as the database says now (re-read on every request,
 * so a role gained or an account suspended applies to existing sessions and tokens at once). Controllers of any
 * module take it as a parameter; {@code Optional<Caller>} where signing in is optional.
 */
public record Caller(long accountId, String handle, Set<Role> roles) {

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isOperator() {
        return roles.contains(Role.OPERATOR);
    }

    public boolean is(long accountId) {
        return this.accountId == accountId;
    }
}
