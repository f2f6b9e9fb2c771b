package io.laotie;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Laotie: a trust-first live-commerce platform. One process; each business capability is a module below this package. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Modulithic(systemName = "Laotie", sharedModules = "platform")
public class LaotieApplication {

    public static void main(String[] args) {
        SpringApplication.run(LaotieApplication.class, args);
    }
}
