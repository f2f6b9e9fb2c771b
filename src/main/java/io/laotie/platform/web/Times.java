package io.laotie.platform.web;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Instants as pages show them, in the platform zone: {@code ${@times.at(journey.firstContactAt)}}. */
@Component("times")
public class Times {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ZoneId zone;

    Times(ZoneId zone) {
        this.zone = zone;
    }

    /** The instant to the minute, or an empty string for none. */
    public String at(@Nullable Instant instant) {
        return instant == null ? "" : MINUTES.format(instant.atZone(zone));
    }
}
