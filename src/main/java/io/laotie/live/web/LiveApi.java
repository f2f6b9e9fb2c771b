package io.laotie.live.web;

import io.laotie.identity.Caller;
import io.laotie.live.LiveRooms;
import io.laotie.live.LiveSession;
import io.laotie.live.LiveSessions;
import io.laotie.live.LivePrice;
import io.laotie.live.Moderation;
import io.laotie.live.NewLiveSession;
import io.laotie.live.NewShelfItem;
import io.laotie.live.SessionReport;
import io.laotie.live.SessionStatus;
import io.laotie.live.Shelf;
import io.laotie.live.ShelfItem;
import io.laotie.platform.JsonId;
import io.laotie.platform.PageOf;
import io.laotie.platform.PageRequest;
import io.laotie.social.Comment;
import io.laotie.social.RoomSignals;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Optional;

/** Live sessions, their shelf, comments, likes and mutes over REST. Sessions, shelves and comments are public. */
@RestController
@RequestMapping("/api/live-sessions")
class LiveApi {

    record Booking(@JsonId long liveSessionId, boolean booked, long bookings) {
    }

    record Order(@NotNull @Size(max = 100) List<@NotNull Long> itemIds) {
    }

    record Prices(@NotNull @Size(max = 50) List<@Valid @NotNull LivePrice> livePrices) {
    }

    record CommentRequest(@NotNull String text) {
    }

    record LikeRequest(@NotNull Long count) {
    }

    record Likes(@JsonId long liveSessionId, long total) {
    }

    record MuteRequest(@NotNull @JsonId Long accountId) {
    }

    private final LiveSessions sessions;
    private final Shelf shelf;
    private final LiveRooms rooms;
    private final Moderation moderation;
    private final RoomSignals signals;

    LiveApi(LiveSessions sessions, Shelf shelf, LiveRooms rooms, Moderation moderation, RoomSignals signals) {
        this.sessions = sessions;
        this.shelf = shelf;
        this.rooms = rooms;
        this.moderation = moderation;
        this.signals = signals;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    LiveSession create(Caller caller, @Valid @RequestBody NewLiveSession request) {
        return sessions.create(caller, request);
    }

    @GetMapping("/{id}")
    LiveSession get(@PathVariable long id) {
        return sessions.get(id);
    }

    @GetMapping
    PageOf<LiveSession> list(@RequestParam(required = false) @Nullable SessionStatus status,
                             @RequestParam(required = false) @Nullable Long creatorId,
                             @RequestParam(required = false) @Nullable Integer page,
                             @RequestParam(required = false) @Nullable Integer size) {
        return sessions.list(status, creatorId, PageRequest.of(page, size));
    }

    @PostMapping("/{id}/start")
    LiveSession start(Caller caller, @PathVariable long id) {
        return sessions.start(id, caller);
    }

    @PostMapping("/{id}/end")
    LiveSession end(Caller caller, @PathVariable long id) {
        return sessions.end(id, caller);
    }

    @PostMapping("/{id}/cancellation")
    LiveSession cancel(Caller caller, @PathVariable long id) {
        return sessions.cancel(id, caller);
    }

    @PostMapping("/{id}/bookings")
    @ResponseStatus(HttpStatus.CREATED)
    Booking book(Caller caller, @PathVariable long id) {
        return new Booking(id, true, sessions.book(id, caller));
    }

    @GetMapping("/{id}/bookings/me")
    Booking booked(Caller caller, @PathVariable long id) {
        return new Booking(id, sessions.booked(id, caller.accountId()), sessions.row(id).bookings());
    }

    @GetMapping("/{id}/report")
    SessionReport report(Caller caller, @PathVariable long id) {
        return shelf.report(id, caller);
    }

    @GetMapping("/{id}/shelf-items")
    List<ShelfItem> shelf(@PathVariable long id) {
        sessions.row(id);
        return shelf.items(id);
    }

    @PostMapping("/{id}/shelf-items")
    @ResponseStatus(HttpStatus.CREATED)
    ShelfItem addItem(Caller caller, @PathVariable long id, @Valid @RequestBody NewShelfItem request) {
        return shelf.add(id, caller, request);
    }

    @DeleteMapping("/{id}/shelf-items/{itemId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeItem(Caller caller, @PathVariable long id, @PathVariable long itemId) {
        shelf.remove(id, itemId, caller);
    }

    @PutMapping("/{id}/shelf-items/order")
    List<ShelfItem> reorder(Caller caller, @PathVariable long id, @Valid @RequestBody Order request) {
        return shelf.reorder(id, caller, request.itemIds());
    }

    @PutMapping("/{id}/shelf-items/{itemId}/live-prices")
    ShelfItem reprice(Caller caller, @PathVariable long id, @PathVariable long itemId, @Valid @RequestBody Prices request) {
        return shelf.reprice(id, itemId, caller, request.livePrices());
    }

    @PostMapping("/{id}/shelf-items/{itemId}/explaining")
    ShelfItem explain(Caller caller, @PathVariable long id, @PathVariable long itemId) {
        return shelf.explain(id, itemId, caller);
    }

    @GetMapping("/{id}/comments")
    List<Comment> comments(@PathVariable long id) {
        LiveSessions.Row row = sessions.row(id);
        return signals.recentComments(id, row.creatorId(), LiveRooms.RECENT_COMMENTS);
    }

    @PostMapping("/{id}/comments")
    @ResponseStatus(HttpStatus.CREATED)
    Comment comment(Caller caller, @PathVariable long id, @Valid @RequestBody CommentRequest request) {
        return rooms.comment(id, caller.accountId(), request.text());
    }

    @PostMapping("/{id}/likes")
    Likes like(Caller caller, @PathVariable long id, @Valid @RequestBody LikeRequest request) {
        return new Likes(id, rooms.like(id, caller.accountId(), request.count()));
    }

    @PostMapping("/{id}/mutes")
    @ResponseStatus(HttpStatus.CREATED)
    Moderation.Mute mute(Caller caller, @PathVariable long id, @Valid @RequestBody MuteRequest request) {
        return moderation.mute(id, request.accountId(), caller);
    }

    @GetMapping("/{id}/mutes")
    List<Moderation.Mute> mutes(Caller caller, @PathVariable long id) {
        return moderation.mutes(id, caller);
    }

    @DeleteMapping("/{id}/mutes/{accountId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unmute(Caller caller, @PathVariable long id, @PathVariable long accountId) {
        moderation.unmute(id, accountId, caller);
    }
}
