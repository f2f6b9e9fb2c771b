package io.laotie.inventory;

import io.laotie.platform.JsonId;
import org.jspecify.annotations.Nullable;

/**
 * Stock held for an order line, or an allotment held for a flash sale. HELD until paid (CONFIRMED) or given up
 * (RELEASED); an allotment is RELEASED when it is closed. {@code parentId} names the allotment a reservation was
 * carved from; {@code carved} is how many of an allotment's units its children hold or have sold.
 */
public record Reservation(@JsonId long id, @JsonId long skuId, long quantity, long returned, String reference, Status status,
                          @JsonId @Nullable Long parentId, long carved) {

    public enum Status { HELD, CONFIRMED, RELEASED }

    /** Units of an open allotment not yet carved. */
    public long uncarved() {
        return status == Status.HELD && parentId == null ? quantity - carved : 0;
    }
}
