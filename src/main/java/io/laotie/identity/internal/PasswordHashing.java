package io.laotie.identity.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.Map;

/** Argon2id password hashes, stored with an {@code {argon2}} prefix so the algorithm can be upgraded later. */
@Configuration(proxyBeanMethods = false)
class PasswordHashing {

    @Bean
    PasswordEncoder passwordEncoder(IdentityProperties properties) {
        var cost = properties.passwordHash();
        var argon2 = new Argon2PasswordEncoder(16, 32, 1, cost.memoryKib(), cost.iterations());
        return new DelegatingPasswordEncoder("argon2", Map.of("argon2", argon2));
    }
}
