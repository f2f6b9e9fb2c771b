package io.laotie.identity;

import io.laotie.platform.JsonId;

import java.time.Instant;

/** One entry of a buyer's address book (收货地址). Orders copy it, so later edits never change a placed order. */
public record Address(
        @JsonId long id,
        @JsonId long accountId,
        String recipient,
        String phone,
        String region,
        String detail,
        boolean isDefault,
        Instant createdAt) {
}
