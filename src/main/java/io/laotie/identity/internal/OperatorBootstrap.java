package io.laotie.identity.internal;

import io.laotie.identity.Accounts;
import io.laotie.identity.ClientInfo;
import io.laotie.identity.NewAccount;
import io.laotie.identity.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;

/**
 * Makes sure the operator account from {@code laotie.operator.*} exists before the application takes requests.
 * Without a configured password, the first start generates one and prints it once; later starts never print it.
 */
@Component
@Order(0)
public class OperatorBootstrap implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(OperatorBootstrap.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final Accounts accounts;
    private final OperatorProperties properties;

    OperatorBootstrap(Accounts accounts, OperatorProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @Override
    public void afterSingletonsInstantiated() {
        ensureOperator();
    }

    public long ensureOperator() {
        var existing = accounts.findByHandle(properties.handle());
        if (existing.isPresent()) {
            accounts.grantRole(existing.get().id(), Role.OPERATOR);
            return existing.get().id();
        }
        boolean generated = properties.password() == null || properties.password().isBlank();
        String password = generated ? generate() : properties.password();
        var operator = accounts.signUp(new NewAccount(properties.handle(), password, "运营 Operator", null), ClientInfo.INTERNAL);
        accounts.grantRole(operator.id(), Role.OPERATOR);
        if (generated) {
            String banner = "\n==================================================================\n"
                    + "  Laotie operator account created: handle '" + properties.handle() + "'\n"
                    + "  password: " + password + "\n"
                    + "  This is shown once. Set LAOTIE_OPERATOR_PASSWORD to choose it.\n"
                    + "==================================================================";
            System.out.println(banner);
            log.info("Generated the operator password (printed once to standard output)");
        }
        return operator.id();
    }

    private static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
