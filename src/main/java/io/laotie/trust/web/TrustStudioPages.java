package io.laotie.trust.web;

import io.laotie.identity.Caller;
import io.laotie.platform.PageRequest;
import io.laotie.trust.FanJourneys;
import io.laotie.trust.Funnel;
import io.laotie.trust.JourneyStage;
import io.laotie.trust.ScoreComponent;
import io.laotie.trust.Scores;
import io.laotie.trust.TrustScore;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The creator's trust dashboard (信任看板) in the studio: the reputation with its components and what would raise it,
 * the funnel as a chart with its conversion rates, the cohort tables by week and by source, and today's spread over
 * stages; and one fan's journey step by step.
 */
@Controller
class TrustStudioPages {

    /** One bar of the funnel chart: its stage, count, length in percent of the widest bar, and y position. */
    record Bar(JourneyStage stage, long count, double width, int y) {
    }

    /** A component worth working on: its name and how many points of the score it leaves on the table. */
    record Lever(String name, double gain) {
    }

    private final FanJourneys journeys;
    private final Scores scores;

    TrustStudioPages(FanJourneys journeys, Scores scores) {
        this.journeys = journeys;
        this.scores = scores;
    }

    @GetMapping("/studio/trust")
    String dashboard(Caller caller,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
                     @RequestParam(required = false) @Nullable String source, Model model) {
        String chosen = source == null || source.isBlank() ? null : source;
        Funnel funnel = journeys.funnel(caller, caller.accountId(), from, to, chosen);
        model.addAttribute("funnel", funnel);
        model.addAttribute("bars", bars(funnel.stages()));
        model.addAttribute("sources", FanJourneys.SOURCES.stream().sorted().toList());
        model.addAttribute("creatorId", caller.accountId());
        model.addAttribute("recent", journeys.ofCreator(caller, caller.accountId(), null, PageRequest.of(0, 10)));
        TrustScore reputation = scores.creator(caller.accountId()).reputation();
        model.addAttribute("reputation", reputation);
        model.addAttribute("levers", levers(reputation));
        return "studio/trust";
    }

    /** One fan's journey with the caller; an operator names the creator with {@code ?creatorId=}. */
    @GetMapping("/studio/fans/{viewerId}")
    String fan(Caller caller, @PathVariable long viewerId, @RequestParam(required = false) @Nullable Long creatorId,
               Model model) {
        model.addAttribute("journey", journeys.of(caller, creatorId == null ? caller.accountId() : creatorId, viewerId));
        return "studio/fan";
    }

    /**
     * What would raise the reputation most: the components whose shortfall from 5, times their weight, costs the most
     * points of the score, largest first (at most three, only those that cost at least a tenth of a point).
     */
    static List<Lever> levers(TrustScore score) {
        double weights = score.components().stream().mapToDouble(ScoreComponent::weight).sum();
        return score.components().stream()
                .map(c -> new Lever(c.name(), weights == 0 ? 0 : c.weight() * (5 - c.value().doubleValue()) / weights))
                .filter(l -> l.gain() >= 0.1)
                .sorted(java.util.Comparator.comparingDouble(Lever::gain).reversed())
                .limit(3).toList();
    }

    static List<Bar> bars(List<Funnel.StageCount> stages) {
        long widest = Math.max(1, stages.stream().mapToLong(Funnel.StageCount::count).max().orElse(1));
        List<Bar> bars = new ArrayList<>();
        int y = 0;
        for (Funnel.StageCount stage : stages) {
            bars.add(new Bar(stage.stage(), stage.count(), Math.max(0.5, 100.0 * stage.count() / widest), y));
            y += 44;
        }
        return bars;
    }
}
