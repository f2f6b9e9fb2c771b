package io.laotie.identity;

import io.laotie.platform.Ids;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Placeholder buyer accounts for imported order history, made many at a time: a shop moving to Laotie brings tens of
 * thousands of past buyers, and {@link Accounts#createImported} (a password hash and an event each) would take
 * minutes. A placeholder is marked {@code imported}, holds the VIEWER role, cannot log in (its password hash matches no
 * password, and login refuses imported accounts anyway) and is not announced by {@link AccountCreated}: the import's
 * own events name the buyers. Runs in the caller's transaction.
 */
@Service
public class ImportedAccounts {

    static final String HANDLE_PREFIX = "imported_";
    private static final String NO_PASSWORD = "!imported";
    private static final int BATCH = 1_000;

    private final JdbcTemplate jdbc;
    private final Ids ids;
    private final Clock clock;

    ImportedAccounts(JdbcTemplate jdbc, Ids ids, Clock clock) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Makes one placeholder per display name (at most 64 characters each) and answers their ids in the same order.
     * Handles are {@code imported_<id in base 36>}: unique because ids are, and sign-up refuses the prefix.
     */
    @Transactional
    public List<Long> create(List<String> displayNames) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<Long> created = new ArrayList<>(displayNames.size());
        List<Object[]> accounts = new ArrayList<>(BATCH);
        List<Object[]> roles = new ArrayList<>(BATCH);
        for (String name : displayNames) {
            long id = ids.next();
            String handle = HANDLE_PREFIX + Long.toString(id, 36);
            accounts.add(new Object[]{id, handle, handle.toLowerCase(Locale.ROOT), name, NO_PASSWORD, now});
            roles.add(new Object[]{id, Role.VIEWER.name(), now});
            created.add(id);
            if (accounts.size() == BATCH) {
                flush(accounts, roles);
            }
        }
        flush(accounts, roles);
        return created;
    }

    private void flush(List<Object[]> accounts, List<Object[]> roles) {
        if (accounts.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                insert into accounts (id, handle, handle_key, display_name, password_hash, city, status, imported, created_at)
                values (?, ?, ?, ?, ?, null, 'ACTIVE', true, ?)""", accounts);
        jdbc.batchUpdate("insert into account_roles (account_id, role, granted_at) values (?, ?, ?)", roles);
        accounts.clear();
        roles.clear();
    }
}
