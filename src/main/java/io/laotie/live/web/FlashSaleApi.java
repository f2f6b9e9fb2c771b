package io.laotie.live.web;

import io.laotie.identity.Caller;
import io.laotie.live.FlashSale;
import io.laotie.live.FlashSales;
import io.laotie.live.NewFlashSale;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Flash sales (秒杀): the session's creator starts one on a shelf item's SKU and may end it early; anyone may see
 * them. Buying goes through {@code POST /api/orders} with the session and the shelf item, where the running sale's
 * price applies.
 */
@RestController
class FlashSaleApi {

    private final FlashSales flashSales;

    FlashSaleApi(FlashSales flashSales) {
        this.flashSales = flashSales;
    }

    @PostMapping("/api/live-sessions/{id}/flash-sales")
    @ResponseStatus(HttpStatus.CREATED)
    FlashSale create(Caller caller, @PathVariable long id, @Valid @RequestBody NewFlashSale request) {
        return flashSales.create(id, caller, request);
    }

    @GetMapping("/api/live-sessions/{id}/flash-sales")
    List<FlashSale> list(@PathVariable long id) {
        return flashSales.of(id);
    }

    @GetMapping("/api/flash-sales/{id}")
    FlashSale get(@PathVariable long id) {
        return flashSales.get(id);
    }

    @PostMapping("/api/flash-sales/{id}/end")
    FlashSale end(Caller caller, @PathVariable long id) {
        return flashSales.end(id, caller);
    }
}
