package io.laotie.trust.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Reviews and their limits ({@code laotie.trust.reviews.*}); windows are measured from the order's delivery.
 *
 * @param window         how long after delivery a buyer may review an order's lines (also once it completed)
 * @param followUpWindow how long after delivery the buyer may add the one follow-up (追评) to a review
 * @param maxText        most characters of a review's, follow-up's, reply's or report's text
 * @param maxImages      most photo addresses on a review or a follow-up
 * @param maxTags        most tags on one review
 */
@ConfigurationProperties("laotie.trust.reviews")
public record ReviewSettings(@DefaultValue("15d") Duration window, @DefaultValue("90d") Duration followUpWindow,
                             @DefaultValue("500") int maxText, @DefaultValue("9") int maxImages,
                             @DefaultValue("6") int maxTags) {
}
