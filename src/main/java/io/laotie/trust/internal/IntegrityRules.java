package io.laotie.trust.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the trust chain discounts signals that may be manipulated ({@code laotie.trust.integrity.*}).
 *
 * @param newAccountAge    an account younger than this when it acts is "very new"
 * @param newAccountWeight what a very new account's signal weighs in scores (1 for any other account; funnels count
 *                         people, unweighted)
 */
@ConfigurationProperties("laotie.trust.integrity")
public record IntegrityRules(@DefaultValue("7d") Duration newAccountAge, @DefaultValue("0.25") double newAccountWeight) {
}
