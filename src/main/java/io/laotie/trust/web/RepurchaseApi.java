package io.laotie.trust.web;

import io.laotie.identity.Caller;
import io.laotie.platform.PageRequest;
import io.laotie.trust.Repurchase;
import io.laotie.trust.RepurchaseModel;
import io.laotie.trust.RepurchaseUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

/**
 * A creator's repurchase model (复购模型) over REST: BG/NBD parameters for buyers who first bought in
 * [calibrationStart, calibrationEnd] (ISO dates in the platform zone, both inclusive) and a page of those buyers by
 * expected purchases in the next {@code horizon} units (default: a year's worth). The creator and operators only.
 */
@RestController
class RepurchaseApi {

    private final Repurchase repurchase;

    RepurchaseApi(Repurchase repurchase) {
        this.repurchase = repurchase;
    }

    @GetMapping("/api/creators/{id}/repurchase-model")
    RepurchaseModel model(Caller caller, @PathVariable long id,
                          @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate calibrationStart,
                          @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate calibrationEnd,
                          @RequestParam(defaultValue = "WEEK") RepurchaseUnit unit,
                          @RequestParam(required = false) @Nullable Integer horizon,
                          @RequestParam(required = false) @Nullable Integer page,
                          @RequestParam(required = false) @Nullable Integer size) {
        return repurchase.model(caller, id, calibrationStart, calibrationEnd, unit,
                horizon == null ? 365 / unit.days() : horizon, PageRequest.of(page, size));
    }
}
