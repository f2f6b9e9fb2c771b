package io.laotie.identity.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The operator account bootstrapped at start ({@code laotie.operator.*}).
 *
 * @param handle   its handle
 * @param password its password ({@code LAOTIE_OPERATOR_PASSWORD}); when unset on first start, one is generated and printed once
 */
@ConfigurationProperties("laotie.operator")
public record OperatorProperties(@DefaultValue("operator") String handle, @Nullable String password) {
}
