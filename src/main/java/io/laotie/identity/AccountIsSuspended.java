package io.laotie.identity;

import io.laotie.platform.Problem;

/** The account was suspended by an operator and may not sign in. */
public class AccountIsSuspended extends Problem {

    public AccountIsSuspended() {
        super("forbidden", 403, "Account suspended", "This account is suspended; contact support");
    }
}
