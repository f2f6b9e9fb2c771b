package io.laotie.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.ZoneId;

/** Time, ids and the platform zone as beans, so tests can move time and every module shares one id source. */
@Configuration(proxyBeanMethods = false)
class PlatformConfig {

    @Bean
    PlatformClock clock() {
        return new PlatformClock();
    }

    /** Ids follow the real clock, not the platform clock, so writing the demo's history keeps them in creation order. */
    @Bean
    Ids ids(LaotieProperties properties) {
        return new Ids(Clock.systemUTC(), properties.ids().nodeBits(), properties.ids().nodeId());
    }

    @Bean
    ZoneId platformZone(LaotieProperties properties) {
        return properties.zone();
    }
}
