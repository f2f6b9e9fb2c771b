package io.laotie.social.web;

import io.laotie.identity.Caller;
import io.laotie.platform.web.ProblemResponses;
import io.laotie.social.Inbox;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.util.Optional;

/**
 * Gives every page {@code unreadMessages}, the signed-in reader's unread inbox count for the badge in the header.
 * JSON answers and htmx fragments draw no header, so they skip the count.
 */
@ControllerAdvice
class InboxBadgeAdvice {

    private final Inbox inbox;

    InboxBadgeAdvice(Inbox inbox) {
        this.inbox = inbox;
    }

    @ModelAttribute("unreadMessages")
    @Nullable Long unreadMessages(HttpServletRequest request, Optional<Caller> caller) {
        if (caller.isEmpty() || ProblemResponses.isApi(request) || request.getHeader("HX-Request") != null) {
            return null;
        }
        return inbox.unread(caller.get().accountId());
    }
}
