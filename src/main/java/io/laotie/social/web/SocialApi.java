package io.laotie.social.web;

import io.laotie.identity.Caller;
import io.laotie.platform.Forbidden;
import io.laotie.platform.JsonId;
import io.laotie.platform.NotFound;
import io.laotie.platform.PageOf;
import io.laotie.platform.PageRequest;
import io.laotie.platform.Unauthenticated;
import io.laotie.platform.ValidationFailed;
import io.laotie.social.Creator;
import io.laotie.social.Creators;
import io.laotie.social.FanClubs;
import io.laotie.social.FollowSource;
import io.laotie.social.Follows;
import io.laotie.social.Inbox;
import io.laotie.social.InboxMessage;
import io.laotie.social.Membership;
import io.laotie.social.NewCreator;
import io.laotie.social.RoomDirectory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Creators, follows, fan clubs and the inbox over REST. Profiles and follower counts are public. */
@RestController
@RequestMapping("/api")
class SocialApi {

    record FollowRequest(@NotNull FollowSource source, @JsonId @Nullable Long liveSessionId) {
    }

    record JoinRequest(@Nullable FollowSource source, @JsonId @Nullable Long liveSessionId) {
    }

    record FollowState(@JsonId long creatorId, boolean following, @Nullable Instant since, long followers) {
    }

    record FollowerCount(@JsonId long creatorId, long followers) {
    }

    record Unread(long unread) {
    }

    private final Creators creators;
    private final Follows follows;
    private final FanClubs fanClubs;
    private final Inbox inbox;
    private final Optional<RoomDirectory> rooms;

    SocialApi(Creators creators, Follows follows, FanClubs fanClubs, Inbox inbox, Optional<RoomDirectory> rooms) {
        this.creators = creators;
        this.follows = follows;
        this.fanClubs = fanClubs;
        this.inbox = inbox;
        this.rooms = rooms;
    }

    @PostMapping("/creators")
    @ResponseStatus(HttpStatus.CREATED)
    Creator become(Caller caller, @Valid @RequestBody NewCreator profile) {
        return creators.become(caller, profile);
    }

    @PutMapping("/creators/me")
    Creator update(Caller caller, @Valid @RequestBody NewCreator profile) {
        return creators.update(caller, profile);
    }

    @GetMapping("/creators/{id}")
    Creator get(@PathVariable long id) {
        return creators.get(id);
    }

    @GetMapping("/creators")
    PageOf<Creator> list(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) @Nullable Integer page,
                         @RequestParam(required = false) @Nullable Integer size) {
        return creators.list(q, PageRequest.of(page, size));
    }

    @PostMapping("/creators/{id}/followers")
    @ResponseStatus(HttpStatus.CREATED)
    FollowState follow(Caller caller, @PathVariable long id, @Valid @RequestBody FollowRequest request) {
        follows.follow(caller.accountId(), id, request.source(), room(request.source(), request.liveSessionId(), id));
        return state(caller, id);
    }

    @DeleteMapping("/creators/{id}/followers/me")
    FollowState unfollow(Caller caller, @PathVariable long id) {
        follows.unfollow(caller.accountId(), id);
        return state(caller, id);
    }

    @GetMapping("/creators/{id}/followers/me")
    FollowState following(Caller caller, @PathVariable long id) {
        return state(caller, id);
    }

    @GetMapping("/creators/{id}/followers/count")
    FollowerCount count(@PathVariable long id) {
        return new FollowerCount(id, follows.count(id));
    }

    /** Who follows: the creator's own business, and operators'. */
    @GetMapping("/creators/{id}/followers")
    PageOf<Follows.Follower> followers(Optional<Caller> caller, @PathVariable long id,
                                       @RequestParam(required = false) @Nullable Integer page,
                                       @RequestParam(required = false) @Nullable Integer size) {
        requireSelfOrOperator(caller, id);
        return follows.followers(id, PageRequest.of(page, size));
    }

    @PostMapping("/creators/{id}/fan-club/members")
    @ResponseStatus(HttpStatus.CREATED)
    Membership join(Caller caller, @PathVariable long id, @Valid @RequestBody(required = false) @Nullable JoinRequest request) {
        FollowSource source = request == null || request.source() == null ? FollowSource.CREATOR_PAGE : request.source();
        return fanClubs.join(caller.accountId(), id, source, room(source, request == null ? null : request.liveSessionId(), id));
    }

    @GetMapping("/creators/{id}/fan-club/members/me")
    Membership membership(Caller caller, @PathVariable long id) {
        creators.get(id);
        return fanClubs.membership(id, caller.accountId())
                .orElseThrow(() -> new NotFound("You are not a member of this fan club"));
    }

    @GetMapping("/creators/{id}/fan-club/members")
    PageOf<Membership> members(Optional<Caller> caller, @PathVariable long id,
                               @RequestParam(required = false) @Nullable Integer page,
                               @RequestParam(required = false) @Nullable Integer size) {
        requireSelfOrOperator(caller, id);
        return fanClubs.members(id, PageRequest.of(page, size));
    }

    @GetMapping("/me/fan-clubs")
    List<Membership> myClubs(Caller caller) {
        return fanClubs.of(caller.accountId());
    }

    @GetMapping("/me/inbox")
    PageOf<InboxMessage> inbox(Caller caller, @RequestParam(required = false) @Nullable Integer page,
                               @RequestParam(required = false) @Nullable Integer size) {
        return inbox.of(caller.accountId(), PageRequest.of(page, size));
    }

    @GetMapping("/me/inbox/unread")
    Unread unread(Caller caller) {
        return new Unread(inbox.unread(caller.accountId()));
    }

    @PostMapping("/me/inbox/read")
    Unread readAll(Caller caller) {
        inbox.readAll(caller.accountId());
        return new Unread(0);
    }

    private FollowState state(Caller caller, long creatorId) {
        Optional<Instant> since = follows.followedAt(caller.accountId(), creatorId);
        return new FollowState(creatorId, since.isPresent(), since.orElse(null), follows.count(creatorId));
    }

    /** The room a follow came from, checked against the creator; a room of someone else is refused. */
    private @Nullable Long room(FollowSource source, @Nullable Long liveSessionId, long creatorId) {
        if (liveSessionId == null) {
            return null;
        }
        if (source != FollowSource.ROOM) {
            throw ValidationFailed.of("liveSessionId", "only a follow from a ROOM names a live session");
        }
        if (rooms.isEmpty() || !rooms.get().isRoomOf(liveSessionId, creatorId)) {
            throw ValidationFailed.of("liveSessionId", "this is not a live session of this creator");
        }
        return liveSessionId;
    }

    private void requireSelfOrOperator(Optional<Caller> caller, long creatorId) {
        creators.get(creatorId);
        Caller who = caller.orElseThrow(() -> new Unauthenticated("Sign in to see who follows a creator"));
        if (!who.is(creatorId) && !who.isOperator()) {
            throw new Forbidden("Only the creator sees who follows them");
        }
    }
}
