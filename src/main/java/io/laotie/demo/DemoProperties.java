package io.laotie.demo;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code laotie.demo.*}.
 *
 * @param enabled                   seed the demo world on first start
 * @param password                  the password of every demo account, so a newcomer can log in as any of them
 * @param simulatedAudience         keep the demo's simulated live rooms busy with simulated viewers who comment, like,
 *                                  follow and buy; off unless set ({@code application.properties} sets it for the
 *                                  embedded default, the test suite turns it off)
 * @param simulatedAudienceInterval how often the simulated audience acts in each simulated room
 * @param simulatedAudienceSeed     seed of the simulated audience's random choices, to replay a run; random when unset
 */
@ConfigurationProperties("laotie.demo")
public record DemoProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("laotie-demo") String password,
        @DefaultValue("false") boolean simulatedAudience,
        @DefaultValue("3s") Duration simulatedAudienceInterval,
        @Nullable Long simulatedAudienceSeed) {
}
