package io.laotie.ledger.web;

import io.laotie.platform.ValidationFailed;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * The period of a statement: {@code from} and {@code to} as calendar days in the platform zone ({@code 2026-05-01},
 * where {@code to} takes in the whole day) or as instants with an offset ({@code 2026-05-01T08:00:00+08:00}, where
 * {@code to} is exclusive). Either may be missing.
 */
record Period(@Nullable Instant from, @Nullable Instant to) {

    static Period of(@Nullable String from, @Nullable String to, ZoneId zone) {
        Instant start = parse("from", from, zone, false);
        Instant end = parse("to", to, zone, true);
        if (start != null && end != null && !end.isAfter(start)) {
            throw ValidationFailed.of("to", "must be after from");
        }
        return new Period(start, end);
    }

    private static @Nullable Instant parse(String field, @Nullable String value, ZoneId zone, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException malformed) {
            throw ValidationFailed.of(field, "must be a date such as 2026-05-01 or a time with an offset such as 2026-05-01T08:00:00+08:00");
        }
    }
}
