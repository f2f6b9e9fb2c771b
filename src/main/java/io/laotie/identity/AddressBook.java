package io.laotie.identity;

import io.laotie.platform.Ids;
import io.laotie.platform.NotFound;
import io.laotie.platform.ValidationFailed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Buyers' address books. An account has at most {@value #MAX_ADDRESSES} addresses and exactly one default once it
 * has any: the first address becomes the default, and removing the default promotes the newest remaining one.
 * Another account's address answers 404.
 */
@Service
public class AddressBook {

    public static final int MAX_ADDRESSES = 20;

    private final JdbcClient jdbc;
    private final Ids ids;
    private final Clock clock;

    AddressBook(JdbcClient jdbc, Ids ids, Clock clock) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.clock = clock;
    }

    @Transactional
    public Address add(long accountId, NewAddress request) {
        // Lock the account row so two concurrent adds cannot both become the first default.
        jdbc.sql("select id from accounts where id = ? for update").param(accountId).query(Long.class).optional()
                .orElseThrow(() -> new NotFound("Account", accountId));
        List<Address> existing = list(accountId);
        if (existing.size() >= MAX_ADDRESSES) {
            throw ValidationFailed.unprocessable("addresses", "an address book holds at most " + MAX_ADDRESSES + " addresses");
        }
        boolean makeDefault = existing.isEmpty() || Boolean.TRUE.equals(request.isDefault());
        if (makeDefault) {
            jdbc.sql("update addresses set is_default = false where account_id = ?").param(accountId).update();
        }
        long id = ids.next();
        jdbc.sql("insert into addresses (id, account_id, recipient, phone, region, detail, is_default, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, accountId, request.recipient().strip(), request.phone().strip(), request.region().strip(),
                        request.detail().strip(), makeDefault, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update();
        return get(accountId, id);
    }

    /** The account's addresses, default first, then newest first. */
    public List<Address> list(long accountId) {
        return jdbc.sql("select * from addresses where account_id = ? order by is_default desc, id desc")
                .param(accountId).query(AddressBook::address).list();
    }

    /** One of the account's own addresses; another account's address answers 404. */
    public Address get(long accountId, long addressId) {
        return jdbc.sql("select * from addresses where id = ? and account_id = ?").params(addressId, accountId)
                .query(AddressBook::address).optional()
                .orElseThrow(() -> new NotFound("Address", addressId));
    }

    /** The default address, if the account has any address at all. */
    public Optional<Address> defaultAddress(long accountId) {
        return jdbc.sql("select * from addresses where account_id = ? and is_default = true").param(accountId)
                .query(AddressBook::address).optional();
    }

    @Transactional
    public Address makeDefault(long accountId, long addressId) {
        get(accountId, addressId);
        jdbc.sql("update addresses set is_default = (id = ?) where account_id = ?").params(addressId, accountId).update();
        return get(accountId, addressId);
    }

    @Transactional
    public void remove(long accountId, long addressId) {
        Address address = get(accountId, addressId);
        jdbc.sql("delete from addresses where id = ?").param(addressId).update();
        if (address.isDefault()) {
            jdbc.sql("select id from addresses where account_id = ? order by id desc limit 1").param(accountId)
                    .query(Long.class).optional()
                    .ifPresent(next -> jdbc.sql("update addresses set is_default = true where id = ?").param(next).update());
        }
    }

    private static Address address(ResultSet rs, int row) throws SQLException {
        return new Address(rs.getLong("id"), rs.getLong("account_id"), rs.getString("recipient"), rs.getString("phone"),
                rs.getString("region"), rs.getString("detail"), rs.getBoolean("is_default"), Accounts.instant(rs, "created_at"));
    }
}
