package io.laotie.trust.web;

import io.laotie.identity.Caller;
import io.laotie.platform.PageOf;
import io.laotie.platform.PageRequest;
import io.laotie.platform.Unauthenticated;
import io.laotie.trust.FanJourney;
import io.laotie.trust.FanJourneys;
import io.laotie.trust.Funnel;
import io.laotie.trust.JourneyStage;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.Optional;

/** Fan journeys and funnels: a creator's (the creator and operators only) and the caller's own. */
@RestController
@RequestMapping("/api")
class JourneyApi {

    private final FanJourneys journeys;

    JourneyApi(FanJourneys journeys) {
        this.journeys = journeys;
    }

    @GetMapping("/creators/{id}/funnel")
    Funnel funnel(Optional<Caller> caller, @PathVariable long id,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
                  @RequestParam(required = false) @Nullable String source) {
        return journeys.funnel(signedIn(caller), id, from, to, source);
    }

    @GetMapping("/creators/{id}/journeys")
    PageOf<FanJourney> ofCreator(Optional<Caller> caller, @PathVariable long id,
                                 @RequestParam(required = false) @Nullable JourneyStage stage,
                                 @RequestParam(required = false) @Nullable Integer page,
                                 @RequestParam(required = false) @Nullable Integer size) {
        return journeys.ofCreator(signedIn(caller), id, stage, PageRequest.of(page, size));
    }

    @GetMapping("/creators/{id}/journeys/{viewerId}")
    FanJourney one(Optional<Caller> caller, @PathVariable long id, @PathVariable long viewerId) {
        return journeys.of(signedIn(caller), id, viewerId);
    }

    @GetMapping("/me/journeys")
    PageOf<FanJourney> mine(Caller caller, @RequestParam(required = false) @Nullable Integer page,
                            @RequestParam(required = false) @Nullable Integer size) {
        return journeys.mine(caller, PageRequest.of(page, size));
    }

    private static Caller signedIn(Optional<Caller> caller) {
        return caller.orElseThrow(() -> new Unauthenticated("Sign in to see fan journeys"));
    }
}
