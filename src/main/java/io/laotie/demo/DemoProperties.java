package io.laotie.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code laotie.demo.*}.
 *
 * @param enabled  seed the demo world on first start (and, later, run everything simulated)
 * @param password the password of every demo account, so a newcomer can log in as any of them
 */
@ConfigurationProperties("laotie.demo")
public record DemoProperties(@DefaultValue("true") boolean enabled, @DefaultValue("laotie-demo") String password) {
}
