package io.laotie.trust;

import io.laotie.platform.JsonId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A complaint about exactly one of a creator or a shop, optionally about one of the complainant's orders that
 * involves that target (sold by the shop, or attributed to the creator).
 */
public record NewComplaint(@JsonId @Nullable Long creatorId, @JsonId @Nullable Long shopId, @JsonId @Nullable Long orderId,
                           @Nullable ComplaintReason reason, @NotBlank @Size(max = Complaints.MAX_TEXT) String text) {
}
