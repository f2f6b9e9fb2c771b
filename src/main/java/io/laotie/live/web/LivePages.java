package io.laotie.live.web;

import io.laotie.identity.Caller;
import io.laotie.live.LiveProperties;
import io.laotie.live.LiveRooms;
import io.laotie.live.LiveSession;
import io.laotie.live.LiveSessions;
import io.laotie.live.SessionStatus;
import io.laotie.live.Shelf;
import io.laotie.live.ShelfItem;
import io.laotie.platform.NotFound;
import io.laotie.platform.PageOf;
import io.laotie.platform.PageRequest;
import io.laotie.platform.Problem;
import io.laotie.platform.web.Notices;
import io.laotie.social.Creator;
import io.laotie.social.Creators;
import io.laotie.social.FanClubs;
import io.laotie.social.FollowSource;
import io.laotie.social.Follows;
import io.laotie.social.Membership;
import io.laotie.social.RoomSignals;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What viewers see of live commerce: the rooms live now and coming up (直播), one live room (直播间) with its shelf,
 * chat, counts and flash sales (秒杀) (the browser's {@code room.js} keeps it live over the room channel and buys
 * through the order API), and a creator's public page with their sessions. Booking, following and joining a fan club
 * from a page are plain form posts; a visitor is sent to log in first.
 */
@Controller
class LivePages {

    static final int PAGE_SIZE = 20;
    static final int PAST_PAGE_SIZE = 10;
    static final int UPCOMING_LIMIT = 20;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** Where a booking form may send the viewer back to: a page of this module, never another site. */
    private static final Pattern RETURN_TO = Pattern.compile("/(live(/\\d{1,19})?|creators/\\d{1,19})(\\?page=\\d{1,7})?");

    /** A session as a card on a listing: the session, when it starts in the platform zone, whether the viewer booked it. */
    record Card(LiveSession session, String scheduledAt, boolean booked) {
    }

    private final LiveSessions sessions;
    private final Shelf shelf;
    private final RoomSignals signals;
    private final Creators creators;
    private final Follows follows;
    private final FanClubs fanClubs;
    private final Notices notices;
    private final ZoneId zone;
    private final int maxCommentLength;
    private final FlashSaleCards flashSaleCards;

    LivePages(LiveSessions sessions, Shelf shelf, RoomSignals signals, Creators creators, Follows follows, FanClubs fanClubs,
              Notices notices, ZoneId platformZone, LiveProperties properties, FlashSaleCards flashSaleCards) {
        this.sessions = sessions;
        this.shelf = shelf;
        this.signals = signals;
        this.creators = creators;
        this.follows = follows;
        this.fanClubs = fanClubs;
        this.notices = notices;
        this.zone = platformZone;
        this.maxCommentLength = properties.moderation().maxCommentLength();
        this.flashSaleCards = flashSaleCards;
    }

    /** Live now, then coming up, then recently ended; cancelled sessions are left out. */
    @GetMapping("/live")
    String live(Optional<Caller> caller, @RequestParam(defaultValue = "0") int page, Model model) {
        PageOf<LiveSession> found = sessions.list(null, null, new PageRequest(Math.max(page, 0), PAGE_SIZE));
        List<Card> cards = found.items().stream().filter(s -> s.status() != SessionStatus.CANCELLED)
                .map(s -> card(s, caller)).toList();
        model.addAttribute("liveNow", cards.stream().filter(c -> c.session().status().onAir()).toList());
        model.addAttribute("upcoming", cards.stream().filter(c -> c.session().status() == SessionStatus.SCHEDULED).toList());
        model.addAttribute("past", cards.stream().filter(c -> c.session().status() == SessionStatus.ENDED).toList());
        model.addAttribute("sessions", found);
        model.addAttribute("returnTo", found.page() > 0 ? "/live?page=" + found.page() : "/live");
        pagingLinks(model, found, "/live");
        return "live/index";
    }

    /** The live room. Works for every status: a scheduled room shows what will be sold, an ended one what was. */
    @GetMapping("/live/{id}")
    String room(Optional<Caller> caller, @PathVariable long id, Model model) {
        LiveSession session = sessions.get(id);
        Creator creator = creators.get(session.creatorId());
        boolean self = caller.map(c -> c.is(creator.id())).orElse(false);
        model.addAttribute("liveSession", session);
        model.addAttribute("creator", creator);
        model.addAttribute("self", self);
        model.addAttribute("card", card(session, caller));
        List<ShelfItem> items = shelf.items(id);
        model.addAttribute("shelf", items);
        flashSaleCards.show(id, items, model);
        model.addAttribute("comments", signals.recentComments(id, creator.id(), LiveRooms.RECENT_COMMENTS));
        model.addAttribute("following", caller.map(c -> follows.follows(c.accountId(), creator.id())).orElse(false));
        model.addAttribute("membership", caller.flatMap(c -> fanClubs.membership(creator.id(), c.accountId())).orElse(null));
        model.addAttribute("maxCommentLength", maxCommentLength);
        model.addAttribute("returnTo", "/live/" + id);
        return "live/room";
    }

    /** A creator's public page: profile, follow and fan-club buttons, sessions live or coming up, and past ones. */
    @GetMapping("/creators/{id}")
    String creator(Optional<Caller> caller, @PathVariable long id, @RequestParam(defaultValue = "0") int page, Model model) {
        Creator creator = creators.get(id);
        List<Card> upcoming = new ArrayList<>();
        for (SessionStatus onAir : List.of(SessionStatus.LIVE, SessionStatus.INTERRUPTED)) {
            sessions.list(onAir, id, new PageRequest(0, 1)).items().forEach(s -> upcoming.add(card(s, caller)));
        }
        sessions.list(SessionStatus.SCHEDULED, id, new PageRequest(0, UPCOMING_LIMIT)).items()
                .forEach(s -> upcoming.add(card(s, caller)));
        PageOf<LiveSession> past = sessions.list(SessionStatus.ENDED, id, new PageRequest(Math.max(page, 0), PAST_PAGE_SIZE));
        model.addAttribute("creator", creator);
        model.addAttribute("self", caller.map(c -> c.is(id)).orElse(false));
        model.addAttribute("following", caller.map(c -> follows.follows(c.accountId(), id)).orElse(false));
        model.addAttribute("membership", caller.flatMap(c -> fanClubs.membership(id, c.accountId())).orElse(null));
        model.addAttribute("upcoming", upcoming);
        model.addAttribute("past", past.map(s -> card(s, caller)));
        model.addAttribute("returnTo", "/creators/" + id);
        pagingLinks(model, past, "/creators/" + id);
        return "live/creator";
    }

    /** Books (预约) a scheduled session, to be told in the inbox when it starts. */
    @PostMapping("/live/{id}/booking")
    String book(Optional<Caller> caller, @PathVariable long id, @RequestParam(required = false) @Nullable String returnTo,
                RedirectAttributes next) {
        if (caller.isEmpty()) {
            return "redirect:/login";
        }
        try {
            sessions.book(id, caller.get());
            notices.success(next, "live.booked");
        } catch (NotFound unknown) {
            throw unknown;
        } catch (Problem problem) {
            notices.problem(next, problem);
        }
        return "redirect:" + back(returnTo, "/live/" + id);
    }

    @PostMapping("/creators/{id}/follow")
    String follow(Optional<Caller> caller, @PathVariable long id, RedirectAttributes next) {
        return act(caller, id, next, viewer -> {
            follows.follow(viewer.accountId(), id, FollowSource.CREATOR_PAGE, null);
            notices.success(next, "creator.followed");
        });
    }

    @PostMapping("/creators/{id}/unfollow")
    String unfollow(Optional<Caller> caller, @PathVariable long id, RedirectAttributes next) {
        return act(caller, id, next, viewer -> {
            follows.unfollow(viewer.accountId(), id);
            notices.success(next, "creator.unfollowed");
        });
    }

    /** Joins the creator's fan club (and follows them, if not yet). */
    @PostMapping("/creators/{id}/fan-club")
    String join(Optional<Caller> caller, @PathVariable long id, RedirectAttributes next) {
        return act(caller, id, next, viewer -> {
            Membership membership = fanClubs.join(viewer.accountId(), id, FollowSource.CREATOR_PAGE, null);
            notices.success(next, "creator.joined", membership.level());
        });
    }

    private String act(Optional<Caller> caller, long creatorId, RedirectAttributes next, java.util.function.Consumer<Caller> action) {
        if (caller.isEmpty()) {
            return "redirect:/login";
        }
        creators.get(creatorId);
        try {
            action.accept(caller.get());
        } catch (NotFound unknown) {
            throw unknown;
        } catch (Problem problem) {
            notices.problem(next, problem);
        }
        return "redirect:/creators/" + creatorId;
    }

    private Card card(LiveSession session, Optional<Caller> caller) {
        boolean booked = session.status() == SessionStatus.SCHEDULED
                && caller.map(c -> sessions.booked(session.id(), c.accountId())).orElse(false);
        return new Card(session, when(session.scheduledAt()), booked);
    }

    private String when(Instant at) {
        return WHEN.format(at.atZone(zone));
    }

    private static String back(@Nullable String returnTo, String otherwise) {
        return returnTo != null && RETURN_TO.matcher(returnTo).matches() ? returnTo : otherwise;
    }

    /** Links to the previous and next page of a listing; absent at either end. */
    private static void pagingLinks(Model model, PageOf<?> page, String path) {
        long pages = (page.total() + page.size() - 1) / page.size();
        model.addAttribute("pages", pages);
        model.addAttribute("previousPage", page.page() > 0 ? (page.page() == 1 ? path : path + "?page=" + (page.page() - 1)) : null);
        model.addAttribute("nextPage", page.page() + 1 < pages ? path + "?page=" + (page.page() + 1) : null);
    }
}
