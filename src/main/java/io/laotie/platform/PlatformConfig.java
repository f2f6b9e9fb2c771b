package io.laotie.platform;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.ZoneId;

/** Time, ids and the platform zone as beans, so tests can move time and every module shares one id source. */
@Configuration(proxyBeanMethods = false)
class PlatformConfig {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Ids ids(Clock clock, LaotieProperties properties) {
        return new Ids(clock, properties.ids().nodeBits(), properties.ids().nodeId());
    }

    @Bean
    ZoneId platformZone(LaotieProperties properties) {
        return properties.zone();
    }
}
