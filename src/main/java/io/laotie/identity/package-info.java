/**
 * Who people are: accounts, sign-up and login (web session and API bearer token), roles, suspension, the
 * city tier on the profile, buyers' address books, and the login records later modules use to spot linked
 * accounts.
 */
@NullMarked
@ApplicationModule(displayName = "Identity", allowedDependencies = "platform")
package io.laotie.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
