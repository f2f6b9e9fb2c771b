package io.laotie.identity;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Which accounts are linked to each other, for the trust chain's discounting of self-dealing. Two accounts are linked
 * when they share a device id (from their logins), a phone number or a delivery address (from their address books).
 * A shared IP address or user agent alone links nothing, since many honest buyers share them (a campus, an office,
 * a mobile carrier's NAT, the same phone model); {@link #shareNetwork} reports it separately as a supporting sign.
 */
@Service
public class Links {

    private final JdbcClient jdbc;

    Links(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every account linked to {@code accountId} by a shared device id, phone number or address, without itself. */
    public Set<Long> linkedTo(long accountId) {
        Set<Long> linked = new HashSet<>(jdbc.sql("""
                        select distinct o.account_id from login_records l
                          join login_records o on o.device_id = l.device_id
                         where l.account_id = :id and l.device_id is not null and o.account_id is not null
                           and o.account_id <> :id
                        union
                        select distinct o.account_id from addresses a join addresses o on o.phone = a.phone
                         where a.account_id = :id and o.account_id <> :id
                        union
                        select distinct o.account_id from addresses a
                          join addresses o on o.region = a.region and o.detail = a.detail
                         where a.account_id = :id and o.account_id <> :id""")
                .param("id", accountId).query(Long.class).list());
        return linked;
    }

    /** Whether {@code accountId} is one of {@code parties} or linked to any of them. */
    public boolean linkedToAny(long accountId, Collection<Long> parties) {
        if (parties.contains(accountId)) {
            return true;
        }
        Set<Long> linked = linkedTo(accountId);
        return parties.stream().anyMatch(linked::contains);
    }

    /** Whether two accounts logged in from the same IP address with the same user agent: a sign, never a link. */
    public boolean shareNetwork(long a, long b) {
        return jdbc.sql("""
                        select count(*) from login_records x join login_records y
                          on y.ip = x.ip and y.user_agent = x.user_agent
                         where x.account_id = ? and y.account_id = ? and x.ip is not null""")
                .params(a, b).query(Long.class).single() > 0;
    }
}
