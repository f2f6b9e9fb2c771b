package io.laotie.trust.web;

import io.laotie.identity.Caller;
import io.laotie.platform.PageOf;
import io.laotie.platform.PageRequest;
import io.laotie.trust.ComplaintStatus;
import io.laotie.trust.ComplaintView;
import io.laotie.trust.Complaints;
import io.laotie.trust.NewComplaint;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Complaints (投诉) about a creator or a shop: filed by buyers, ruled on by operators, seen by the complainant, the
 * party complained about and operators only.
 */
@RestController
@RequestMapping("/api")
class ComplaintApi {

    record Ruling(@NotNull Boolean upheld, @Nullable @Size(max = Complaints.MAX_NOTE) String note) {
    }

    private final Complaints complaints;

    ComplaintApi(Complaints complaints) {
        this.complaints = complaints;
    }

    @PostMapping("/complaints")
    @ResponseStatus(HttpStatus.CREATED)
    ComplaintView file(Caller caller, @Valid @RequestBody NewComplaint complaint) {
        return complaints.file(caller, complaint);
    }

    @GetMapping("/complaints/{id}")
    ComplaintView view(Caller caller, @PathVariable long id) {
        return complaints.view(id, caller);
    }

    /** Upholds or dismisses an open complaint, once (operators only). */
    @PostMapping("/complaints/{id}/ruling")
    ComplaintView rule(Caller caller, @PathVariable long id, @Valid @RequestBody Ruling ruling) {
        return complaints.rule(id, caller, ruling.upheld(), ruling.note());
    }

    @GetMapping("/me/complaints")
    PageOf<ComplaintView> mine(Caller caller, @RequestParam(required = false) @Nullable Integer page,
                               @RequestParam(required = false) @Nullable Integer size) {
        return complaints.mine(caller, PageRequest.of(page, size));
    }

    @GetMapping("/operator/complaints")
    PageOf<ComplaintView> inStatus(Caller caller, @RequestParam(required = false) @Nullable ComplaintStatus status,
                                   @RequestParam(required = false) @Nullable Integer page,
                                   @RequestParam(required = false) @Nullable Integer size) {
        return complaints.inStatus(caller, status, PageRequest.of(page, size));
    }

    /** Complaints about a creator: for the creator and operators. */
    @GetMapping("/creators/{id}/complaints")
    PageOf<ComplaintView> aboutCreator(Caller caller, @PathVariable long id, @RequestParam(required = false) @Nullable Integer page,
                                       @RequestParam(required = false) @Nullable Integer size) {
        return complaints.aboutCreator(id, caller, PageRequest.of(page, size));
    }

    /** Complaints about a shop: for its owner and operators. */
    @GetMapping("/shops/{id}/complaints")
    PageOf<ComplaintView> aboutShop(Caller caller, @PathVariable long id, @RequestParam(required = false) @Nullable Integer page,
                                    @RequestParam(required = false) @Nullable Integer size) {
        return complaints.aboutShop(id, caller, PageRequest.of(page, size));
    }
}
