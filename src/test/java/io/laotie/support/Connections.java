package io.laotie.support;

import com.zaxxer.hikari.HikariDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs code with every connection of the pool but one taken, to show it needs no more than one: code that opens a
 * second connection while holding the first waits for {@code shortTimeoutMillis} and fails, where under real load
 * enough such callers would hold the whole pool, each waiting for one more.
 */
public final class Connections {

    private Connections() {
    }

    public static void withOneConnectionLeft(DataSource dataSource, long shortTimeoutMillis, Runnable work) throws SQLException {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        long timeout = pool.getHikariConfigMXBean().getConnectionTimeout();
        List<Connection> taken = new ArrayList<>();
        try {
            pool.getHikariConfigMXBean().setConnectionTimeout(shortTimeoutMillis);
            for (int i = 0; i < pool.getMaximumPoolSize() - 1; i++) {
                taken.add(pool.getConnection());
            }
            work.run();
        } finally {
            for (Connection connection : taken) {
                connection.close();
            }
            pool.getHikariConfigMXBean().setConnectionTimeout(timeout);
        }
    }
}
