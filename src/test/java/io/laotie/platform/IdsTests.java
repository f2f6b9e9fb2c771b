package io.laotie.platform;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdsTests {

    @Test
    void idsAreUniqueAndIncreasingAcrossThreadsEvenWithAFrozenClock() {
        Ids ids = new Ids(Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC), 10, 3);
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        IntStream.range(0, 8).parallel().forEach(t -> {
            long last = -1;
            for (int i = 0; i < 20_000; i++) {
                long id = ids.next();
                assertThat(id).isGreaterThan(last);
                last = id;
                seen.add(id);
            }
        });
        assertThat(seen).hasSize(160_000);
    }

    @Test
    void twoNodesNeverMakeTheSameId() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC);
        Ids a = new Ids(clock, 10, 1);
        Ids b = new Ids(clock, 10, 2);
        Set<Long> seen = new java.util.HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(a.next())).isTrue();
            assertThat(seen.add(b.next())).isTrue();
        }
    }

    @Test
    void idsCarryTheirTimeAndRefuseANodeThatDoesNotFit() {
        Instant at = Instant.parse("2026-11-25T08:30:00Z");
        Ids ids = new Ids(Clock.fixed(at, ZoneOffset.UTC), 4, 15);
        assertThat(ids.millisOf(ids.next())).isEqualTo(at.toEpochMilli());
        assertThatThrownBy(() -> new Ids(Clock.systemUTC(), 4, 16)).isInstanceOf(IllegalArgumentException.class);
    }
}
