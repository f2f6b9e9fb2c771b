package io.laotie.identity;

import io.laotie.platform.PageRequest;
import io.laotie.support.Api;
import io.laotie.support.Connections;
import io.laotie.support.LaotieTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

@LaotieTest
class AccountReadsTests {

    @Autowired Accounts accounts;
    @Autowired DataSource dataSource;
    @Autowired Api api;

    /** Every authenticated request reads its account this way, so fifty at once must not need forty connections. */
    @Test
    void readingAnAccountWithItsRolesNeedsOneConnection() throws Exception {
        Api.User user = api.user("one_connection");
        long id = Long.parseLong(user.id());
        Connections.withOneConnectionLeft(dataSource, 2_000, () -> {
            assertThat(accounts.find(id)).hasValueSatisfying(a -> assertThat(a.roles()).contains(Role.VIEWER));
            assertThat(accounts.findByHandle(user.handle())).isPresent();
            assertThat(accounts.callerOf(id)).isPresent();
            assertThat(accounts.list(user.handle(), PageRequest.of(0, 5)).items())
                    .allSatisfy(a -> assertThat(a.roles()).contains(Role.VIEWER));
        });
    }
}
