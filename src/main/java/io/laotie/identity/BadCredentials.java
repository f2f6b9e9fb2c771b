package io.laotie.identity;

import io.laotie.platform.Problem;

/** Unknown handle or wrong password; deliberately does not say which. */
public class BadCredentials extends Problem {

    public BadCredentials() {
        super("unauthenticated", 401, "Unauthenticated", "Handle or password is wrong");
    }
}
