package io.laotie.catalog.web;

import io.laotie.catalog.NewProduct;
import io.laotie.catalog.ProductView;
import io.laotie.catalog.Products;
import io.laotie.catalog.Shop;
import io.laotie.catalog.Shops;
import io.laotie.identity.Caller;
import io.laotie.platform.PageOf;
import io.laotie.platform.PageRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Optional;

/** Shops: open one (the caller becomes a MERCHANT), see any, edit and list products in one's own. */
@RestController
@RequestMapping("/api")
class ShopApi {

    record ShopRequest(@NotBlank @Size(max = 64) String name, @NotNull @Size(max = 2000) String description) {
    }

    private final Shops shops;
    private final Products products;

    ShopApi(Shops shops, Products products) {
        this.shops = shops;
        this.products = products;
    }

    @PostMapping("/shops")
    @ResponseStatus(HttpStatus.CREATED)
    Shop open(Caller caller, @Valid @RequestBody ShopRequest request) {
        return shops.open(caller.accountId(), request.name(), request.description());
    }

    @GetMapping("/shops/{id}")
    Shop get(@PathVariable long id) {
        return shops.get(id);
    }

    @PutMapping("/shops/{id}")
    Shop update(Caller caller, @PathVariable long id, @Valid @RequestBody ShopRequest request) {
        return shops.update(id, caller.accountId(), request.name(), request.description());
    }

    @GetMapping("/me/shops")
    List<Shop> mine(Caller caller) {
        return shops.ownedBy(caller.accountId());
    }

    @PostMapping("/shops/{shopId}/products")
    @ResponseStatus(HttpStatus.CREATED)
    ProductView createProduct(Caller caller, @PathVariable long shopId, @Valid @RequestBody NewProduct request) {
        return products.create(shopId, caller, request);
    }

    @GetMapping("/shops/{shopId}/products")
    PageOf<ProductView> products(Optional<Caller> caller, @PathVariable long shopId,
                                 @RequestParam(required = false) @Nullable Integer page,
                                 @RequestParam(required = false) @Nullable Integer size) {
        return products.ofShop(shopId, caller, PageRequest.of(page, size));
    }
}
