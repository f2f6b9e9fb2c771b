package io.laotie.identity;

import io.laotie.identity.internal.IdentityProperties;
import io.laotie.platform.Ids;
import io.laotie.platform.NotFound;
import io.laotie.platform.PageOf;
import io.laotie.platform.PageRequest;
import io.laotie.platform.RateLimiter;
import io.laotie.platform.ValidationFailed;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Accounts: sign-up, login, roles and suspension. Every account holds the VIEWER role; other roles are granted
 * by the modules that own what the role is about (catalog grants MERCHANT on a first shop).
 */
@Service
public class Accounts {

    private static final Pattern HANDLE = Pattern.compile("[A-Za-z0-9_]{3,32}");
    private static final String SELECT = """
            select a.id, a.handle, a.display_name, a.city, c.tier, a.status, a.imported, a.created_at
              from accounts a left join cities c on c.name = a.city or lower(c.name_en) = lower(a.city)
            """;

    private final JdbcClient jdbc;
    private final Ids ids;
    private final Clock clock;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final RateLimiter signupsPerIp;
    private final RateLimiter loginsPerIp;
    private final RateLimiter failedLoginsPerAccount;

    Accounts(JdbcClient jdbc, Ids ids, Clock clock, PasswordEncoder passwords, ApplicationEventPublisher events,
             IdentityProperties properties) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.clock = clock;
        this.passwords = passwords;
        this.events = events;
        var limits = properties.rateLimits();
        this.signupsPerIp = new RateLimiter("sign-up", limits.signupsPerIpPerHour(), Duration.ofHours(1), clock);
        this.loginsPerIp = new RateLimiter("login", limits.loginsPerIpPerHour(), Duration.ofHours(1), clock);
        this.failedLoginsPerAccount = new RateLimiter("failed login", limits.failedLoginsPerAccountPerHour(), Duration.ofHours(1), clock);
    }

    /** Creates an account with the VIEWER role. A taken handle (in any letter case) is refused with 422. */
    @Transactional
    public Account signUp(NewAccount request, ClientInfo client) {
        if (!client.internal()) {
            signupsPerIp.acquire(client.ip());
        }
        return create(request, false);
    }

    /** Creates a placeholder account for a buyer brought in with imported order history; it cannot log in. */
    @Transactional
    public Account createImported(String handle, String displayName) {
        return create(new NewAccount(handle, "imported-" + ids.next(), displayName, null), true);
    }

    private Account create(NewAccount request, boolean imported) {
        if (!HANDLE.matcher(request.handle()).matches()) {
            throw ValidationFailed.of("handle", "must be 3-32 letters, digits or underscores");
        }
        if (request.password().length() < 8) {
            throw ValidationFailed.of("password", "must be at least 8 characters");
        }
        String key = request.handle().toLowerCase(Locale.ROOT);
        if (!imported && key.startsWith(ImportedAccounts.HANDLE_PREFIX)) {
            throw ValidationFailed.unprocessable("handle", "may not start with " + ImportedAccounts.HANDLE_PREFIX);
        }
        boolean taken = jdbc.sql("select count(*) from accounts where handle_key = ?").param(key).query(Long.class).single() > 0;
        if (taken) {
            throw handleTaken();
        }
        long id = ids.next();
        String displayName = request.displayName() == null || request.displayName().isBlank()
                ? request.handle() : request.displayName().strip();
        String city = request.city() == null || request.city().isBlank() ? null : request.city().strip();
        try {
            jdbc.sql("""
                            insert into accounts (id, handle, handle_key, display_name, password_hash, city, status, imported, created_at)
                            values (?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?)""")
                    .params(id, request.handle(), key, displayName, passwords.encode(request.password()), city, imported, now())
                    .update();
        } catch (DuplicateKeyException e) { // lost a race for the same handle
            throw handleTaken();
        }
        insertRole(id, Role.VIEWER);
        Account account = get(id);
        events.publishEvent(new AccountCreated(id, account.handle(), account.city(), account.cityTier(), imported));
        return account;
    }

    private static ValidationFailed handleTaken() {
        return ValidationFailed.unprocessable("handle", "is already taken");
    }

    /**
     * Checks a handle and password, records the attempt with where it came from, and answers the account.
     * Rate-limited per client address and, for wrong passwords, per handle.
     *
     * @throws BadCredentials       unknown handle or wrong password
     * @throws AccountIsSuspended   the password was right but the account is suspended
     */
    @Transactional(noRollbackFor = {BadCredentials.class, AccountIsSuspended.class})
    public Account logIn(String handle, String password, ClientInfo client, LoginChannel channel) {
        String key = handle.toLowerCase(Locale.ROOT);
        if (!client.internal()) {
            loginsPerIp.acquire(client.ip());
            failedLoginsPerAccount.acquire(key); // counts this attempt; reset below when it succeeds
        }
        var row = jdbc.sql("select id, password_hash, imported from accounts where handle_key = ?").param(key)
                .query((rs, n) -> new Object[]{rs.getLong(1), rs.getString(2), rs.getBoolean(3)}).optional();
        boolean ok = row.isPresent() && !(Boolean) row.get()[2] && passwords.matches(password, (String) row.get()[1]);
        Long accountId = row.map(r -> (Long) r[0]).orElse(null);
        recordLogin(accountId, handle, channel, ok, client);
        if (!ok) {
            throw new BadCredentials();
        }
        failedLoginsPerAccount.reset(key);
        Account account = get(accountId);
        if (!account.active()) {
            throw new AccountIsSuspended();
        }
        return account;
    }

    public Optional<Account> find(long id) {
        return jdbc.sql(SELECT + " where a.id = ?").param(id).query(Accounts::account).optional().map(this::withRoles);
    }

    public Optional<Account> findByHandle(String handle) {
        return jdbc.sql(SELECT + " where a.handle_key = ?").param(handle.toLowerCase(Locale.ROOT)).query(Accounts::account)
                .optional().map(this::withRoles);
    }

    public Account get(long id) {
        return find(id).orElseThrow(() -> new NotFound("Account", id));
    }

    /** The caller behind an account id, with roles read now; empty when the account is gone or suspended. */
    public Optional<Caller> callerOf(long accountId) {
        return find(accountId).filter(Account::active).map(a -> new Caller(a.id(), a.handle(), a.roles()));
    }

    /** Grants a role; granting one the account already has changes nothing. */
    @Transactional
    public void grantRole(long accountId, Role role) {
        get(accountId);
        boolean has = jdbc.sql("select count(*) from account_roles where account_id = ? and role = ?")
                .params(accountId, role.name()).query(Long.class).single() > 0;
        if (!has) {
            insertRole(accountId, role);
            events.publishEvent(new RoleGranted(accountId, role));
        }
    }

    /** Suspends an account: it can no longer log in, and its sessions and tokens stop working at once. */
    @Transactional
    public Account suspend(long accountId, String reason, long operatorId) {
        Account account = get(accountId);
        if (account.has(Role.OPERATOR)) {
            throw new io.laotie.platform.Forbidden("Operators cannot be suspended here");
        }
        if (account.active()) {
            jdbc.sql("update accounts set status = 'SUSPENDED', suspended_reason = ? where id = ?").params(reason, accountId).update();
            events.publishEvent(new AccountSuspended(accountId, reason, operatorId));
        }
        return get(accountId);
    }

    @Transactional
    public Account reinstate(long accountId) {
        get(accountId);
        jdbc.sql("update accounts set status = 'ACTIVE', suspended_reason = null where id = ?").param(accountId).update();
        return get(accountId);
    }

    /** Updates the display name and city of the caller's own profile; nulls leave a field as it is. */
    @Transactional
    public Account updateProfile(long accountId, @Nullable String displayName, @Nullable String city) {
        get(accountId);
        if (displayName != null && !displayName.isBlank()) {
            jdbc.sql("update accounts set display_name = ? where id = ?").params(displayName.strip(), accountId).update();
        }
        if (city != null) {
            jdbc.sql("update accounts set city = ? where id = ?").params(city.isBlank() ? null : city.strip(), accountId).update();
        }
        return get(accountId);
    }

    /** Accounts whose handle or display name contains {@code query}, newest first; for operators. */
    public PageOf<Account> list(@Nullable String query, PageRequest page) {
        String like = "%" + (query == null ? "" : query.toLowerCase(Locale.ROOT)) + "%";
        String where = " where a.handle_key like ? or lower(a.display_name) like ?";
        long total = jdbc.sql("select count(*) from accounts a" + where).params(like, like).query(Long.class).single();
        List<Account> items = jdbc.sql(SELECT + where + " order by a.id desc limit ? offset ?")
                .params(like, like, page.size(), page.offset()).query(Accounts::account).list()
                .stream().map(this::withRoles).toList();
        return new PageOf<>(items, page.page(), page.size(), total);
    }

    /** The most recent login attempts of an account, newest first; for operators looking for linked accounts. */
    public List<LoginRecord> logins(long accountId, int limit) {
        return jdbc.sql("select account_id, channel, success, ip, user_agent, device_id, at from login_records where account_id = ? order by at desc limit ?")
                .params(accountId, limit)
                .query((rs, n) -> new LoginRecord(rs.getLong(1), LoginChannel.valueOf(rs.getString(2)), rs.getBoolean(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), instant(rs, 7)))
                .list();
    }

    private void recordLogin(@Nullable Long accountId, String handle, LoginChannel channel, boolean success, ClientInfo client) {
        jdbc.sql("insert into login_records (id, account_id, handle, channel, success, ip, user_agent, device_id, at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(ids.next(), accountId, handle.length() > 64 ? handle.substring(0, 64) : handle, channel.name(), success,
                        client.ip(), client.userAgent(), client.deviceId(), now())
                .update();
    }

    private void insertRole(long accountId, Role role) {
        jdbc.sql("insert into account_roles (account_id, role, granted_at) values (?, ?, ?)")
                .params(accountId, role.name(), now()).update();
    }

    /**
     * An account without its roles. Roles are read by {@link #withRoles} after the row's query has finished: a query
     * inside a row mapper would take a second pooled connection while the first is still held, and under load every
     * connection would end up waiting for another.
     */
    private static Account account(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        String tier = rs.getString("tier");
        return new Account(id, rs.getString("handle"), rs.getString("display_name"), Set.of(), rs.getString("city"),
                tier == null ? null : CityTier.valueOf(tier), AccountStatus.valueOf(rs.getString("status")),
                rs.getBoolean("imported"), instant(rs, "created_at"));
    }

    private Account withRoles(Account a) {
        return new Account(a.id(), a.handle(), a.displayName(), roles(a.id()), a.city(), a.cityTier(), a.status(), a.imported(), a.createdAt());
    }

    private Set<Role> roles(long accountId) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        jdbc.sql("select role from account_roles where account_id = ?").param(accountId)
                .query(String.class).list().forEach(r -> roles.add(Role.valueOf(r)));
        return roles;
    }

    /** Display names of many accounts at once, for pages that list other people's things. */
    public Map<Long, String> displayNames(java.util.Collection<Long> accountIds) {
        Map<Long, String> names = new HashMap<>();
        if (!accountIds.isEmpty()) {
            jdbc.sql("select id, display_name from accounts where id in (:ids)").param("ids", accountIds)
                    .query(rs -> {
                        names.put(rs.getLong(1), rs.getString(2));
                    });
        }
        return names;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
