package io.laotie.inventory;

import io.laotie.platform.JsonId;

/** Stock held for an order line. HELD until paid (CONFIRMED) or given up (RELEASED). */
public record Reservation(@JsonId long id, @JsonId long skuId, long quantity, long returned, String reference, Status status) {

    public enum Status { HELD, CONFIRMED, RELEASED }
}
