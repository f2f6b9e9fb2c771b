package io.laotie.catalog;

import io.laotie.identity.Accounts;
import io.laotie.identity.Role;
import io.laotie.platform.Ids;
import io.laotie.platform.NotFound;
import io.laotie.platform.ValidationFailed;
import org.springframework.context.ApplicationEventPublisher;
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

/** Merchants' shops. Opening a shop makes its owner a MERCHANT. Shops are public; only the owner changes one. */
@Service
public class Shops {

    public static final int MAX_SHOPS_PER_OWNER = 20;

    private final JdbcClient jdbc;
    private final Ids ids;
    private final Clock clock;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;

    Shops(JdbcClient jdbc, Ids ids, Clock clock, Accounts accounts, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.clock = clock;
        this.accounts = accounts;
        this.events = events;
    }

    @Transactional
    public Shop open(long ownerId, String name, String description) {
        long owned = jdbc.sql("select count(*) from shops where owner_id = ?").param(ownerId).query(Long.class).single();
        if (owned >= MAX_SHOPS_PER_OWNER) {
            throw ValidationFailed.unprocessable("shops", "an account may own at most " + MAX_SHOPS_PER_OWNER + " shops");
        }
        long id = ids.next();
        jdbc.sql("insert into shops (id, owner_id, name, description, created_at) values (?, ?, ?, ?, ?)")
                .params(id, ownerId, name.strip(), description.strip(), OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update();
        accounts.grantRole(ownerId, Role.MERCHANT);
        events.publishEvent(new ShopOpened(id, ownerId, name.strip()));
        return get(id);
    }

    public Optional<Shop> find(long id) {
        return jdbc.sql("select * from shops where id = ?").param(id).query(Shops::shop).optional();
    }

    public Shop get(long id) {
        return find(id).orElseThrow(() -> new NotFound("Shop", id));
    }

    /** A shop the caller owns (operators may act on any); another's shop answers 403, since shops are public. */
    public Shop owned(long shopId, long callerId, boolean operator) {
        Shop shop = get(shopId);
        if (shop.ownerId() != callerId && !operator) {
            throw new NotYourShop();
        }
        return shop;
    }

    public List<Shop> ownedBy(long ownerId) {
        return jdbc.sql("select * from shops where owner_id = ? order by id").param(ownerId).query(Shops::shop).list();
    }

    @Transactional
    public Shop update(long shopId, long callerId, String name, String description) {
        owned(shopId, callerId, false);
        jdbc.sql("update shops set name = ?, description = ? where id = ?").params(name.strip(), description.strip(), shopId).update();
        return get(shopId);
    }

    private static Shop shop(ResultSet rs, int row) throws SQLException {
        return new Shop(rs.getLong("id"), rs.getLong("owner_id"), rs.getString("name"), rs.getString("description"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
