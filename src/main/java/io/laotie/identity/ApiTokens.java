package io.laotie.identity;

import io.laotie.platform.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Opaque, revocable bearer tokens for API clients. A token is 256 random bits; only its SHA-256 is stored, so a
 * leaked database does not leak usable tokens.
 */
@Service
public class ApiTokens {

    private static final String PREFIX = "lt_";

    private final JdbcClient jdbc;
    private final Ids ids;
    private final Clock clock;
    private final Accounts accounts;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JdbcClient jdbc, Ids ids, Clock clock, Accounts accounts) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.clock = clock;
        this.accounts = accounts;
    }

    /** Logs in with handle and password and issues a new token for the account. */
    @Transactional(noRollbackFor = {BadCredentials.class, AccountIsSuspended.class})
    public ApiToken logIn(String handle, String password, ClientInfo client) {
        Account account = accounts.logIn(handle, password, client, LoginChannel.API);
        return new ApiToken(issue(account.id()), account.id(), account.roles());
    }

    /** Issues a token for an account without a password; for the platform's own use (demo, tests of other modules). */
    @Transactional
    public String issue(long accountId) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("insert into api_tokens (id, account_id, token_hash, created_at) values (?, ?, ?, ?)")
                .params(ids.next(), accountId, hash(token), OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update();
        return token;
    }

    /** The caller a token stands for, with roles read now; empty for an unknown or revoked token or a suspended account. */
    public Optional<Caller> resolve(String token) {
        if (!token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("select account_id from api_tokens where token_hash = ? and revoked_at is null")
                .param(hash(token)).query(Long.class).optional()
                .flatMap(accounts::callerOf);
    }

    /** Revokes a token; revoking an unknown or already revoked token changes nothing. */
    @Transactional
    public void revoke(String token) {
        jdbc.sql("update api_tokens set revoked_at = ? where token_hash = ? and revoked_at is null")
                .params(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), hash(token)).update();
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
