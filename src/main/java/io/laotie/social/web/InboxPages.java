package io.laotie.social.web;

import io.laotie.identity.Caller;
import io.laotie.platform.PageOf;
import io.laotie.platform.PageRequest;
import io.laotie.platform.web.Notices;
import io.laotie.social.Inbox;
import io.laotie.social.InboxMessage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The signed-in user's inbox (站内信), newest first, each message worded in the reader's language from its kind;
 * unread ones stand out until the reader marks all read.
 */
@Controller
@RequestMapping("/inbox")
class InboxPages {

    static final int PAGE_SIZE = 20;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** One message as the page shows it, with its time in the platform zone. */
    record Line(InboxMessage message, String at, boolean unread) {
    }

    private final Inbox inbox;
    private final Notices notices;
    private final ZoneId zone;

    InboxPages(Inbox inbox, Notices notices, ZoneId platformZone) {
        this.inbox = inbox;
        this.notices = notices;
        this.zone = platformZone;
    }

    @GetMapping
    String inbox(Caller caller, @RequestParam(defaultValue = "0") int page, Model model) {
        PageOf<Line> messages = inbox.of(caller.accountId(), new PageRequest(Math.max(page, 0), PAGE_SIZE))
                .map(m -> new Line(m, when(m.createdAt()), m.readAt() == null));
        long pages = (messages.total() + PAGE_SIZE - 1) / PAGE_SIZE;
        model.addAttribute("messages", messages);
        model.addAttribute("pages", pages);
        model.addAttribute("unread", inbox.unread(caller.accountId()));
        return "inbox/inbox";
    }

    @PostMapping("/read")
    String readAll(Caller caller, RedirectAttributes next) {
        inbox.readAll(caller.accountId());
        notices.success(next, "inbox.all-read");
        return "redirect:/inbox";
    }

    private String when(Instant at) {
        return WHEN.format(at.atZone(zone));
    }
}
