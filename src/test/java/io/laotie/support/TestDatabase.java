package io.laotie.support;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * Points the suite at PostgreSQL when {@code LAOTIE_TEST_POSTGRES_URL} is set (for example
 * {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}): each run gets a schema of its own, named by
 * {@code LAOTIE_TEST_POSTGRES_SCHEMA} or made up from the time, created here and migrated by Flyway.
 * Without the variable the suite runs on in-memory H2.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String URL_VARIABLE = "LAOTIE_TEST_POSTGRES_URL";
    private static final String SCHEMA = schemaName();

    public static boolean postgres() {
        String url = System.getenv(URL_VARIABLE);
        return url != null && !url.isBlank();
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (!postgres()) {
            return;
        }
        String url = System.getenv(URL_VARIABLE);
        try (var connection = DriverManager.getConnection(url); var statement = connection.createStatement()) {
            statement.execute("create schema if not exists " + SCHEMA);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach PostgreSQL at " + URL_VARIABLE + "=" + url, e);
        }
        String separator = url.contains("?") ? "&" : "?";
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("laotie-test-postgres", Map.of(
                "spring.datasource.url", url + separator + "currentSchema=" + SCHEMA,
                "spring.datasource.username", "",
                "spring.flyway.schemas", SCHEMA,
                "spring.flyway.default-schema", SCHEMA)));
    }

    public static String schema() {
        return SCHEMA;
    }

    private static String schemaName() {
        String given = System.getenv("LAOTIE_TEST_POSTGRES_SCHEMA");
        return given != null && given.matches("[a-z_][a-z0-9_]{0,62}") ? given : "laotie_test_" + System.currentTimeMillis();
    }
}
