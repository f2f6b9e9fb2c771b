package io.laotie.trust.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** The threads the trust module's listeners run on ({@link TrustListener}), apart from the application's shared ones. */
@Configuration(proxyBeanMethods = false)
class TrustEvents {

    static final String EXECUTOR = "trustEventExecutor";

    /** @param listenerThreads how many trust listeners run at once ({@code laotie.trust.listener-threads}) */
    @ConfigurationProperties("laotie.trust")
    record Threads(@DefaultValue("4") int listenerThreads) {
    }

    @Bean(EXECUTOR)
    ThreadPoolTaskExecutor trustEventExecutor(Threads threads) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(threads.listenerThreads());
        executor.setMaxPoolSize(threads.listenerThreads());
        executor.setThreadNamePrefix("trust-");
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(10);
        return executor;
    }
}
