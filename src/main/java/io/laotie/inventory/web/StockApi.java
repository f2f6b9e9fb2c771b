package io.laotie.inventory.web;

import io.laotie.identity.Caller;
import io.laotie.inventory.Inventory;
import io.laotie.inventory.StockKeepers;
import io.laotie.inventory.StockLevel;
import io.laotie.inventory.StockMovement;
import io.laotie.platform.Forbidden;
import io.laotie.platform.NotFound;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Stock of one SKU, for whoever keeps it: adjustments with a reason, and the history of movements. */
@RestController
@RequestMapping("/api/skus/{skuId}")
class StockApi {

    record Adjustment(@NotNull Long delta, @NotBlank @Size(max = 200) String reason) {
    }

    record Stock(long stock, long reserved, long available, List<StockMovement> movements) {
    }

    private final Inventory inventory;
    private final StockKeepers keepers;

    StockApi(Inventory inventory, StockKeepers keepers) {
        this.inventory = inventory;
        this.keepers = keepers;
    }

    @PostMapping("/stock-adjustments")
    @ResponseStatus(HttpStatus.CREATED)
    StockLevelView adjust(Caller caller, @PathVariable long skuId, @Valid @RequestBody Adjustment adjustment) {
        requireKeeper(caller, skuId);
        StockLevel level = inventory.adjust(skuId, adjustment.delta(), adjustment.reason().strip(), caller.accountId());
        return StockLevelView.of(level);
    }

    @GetMapping("/stock")
    Stock stock(Caller caller, @PathVariable long skuId) {
        requireKeeper(caller, skuId);
        StockLevel level = inventory.level(skuId);
        return new Stock(level.stock(), level.reserved(), level.available(), inventory.movements(skuId, 100));
    }

    private void requireKeeper(Caller caller, long skuId) {
        switch (keepers.accessOf(skuId, caller.accountId(), caller.isOperator())) {
            case NONE -> throw new NotFound("SKU", skuId);
            case VIEW -> throw new Forbidden("Only the shop that sells this SKU keeps its stock");
            case KEEP -> { }
        }
    }

    record StockLevelView(long stock, long reserved, long available) {
        static StockLevelView of(StockLevel level) {
            return new StockLevelView(level.stock(), level.reserved(), level.available());
        }
    }
}
