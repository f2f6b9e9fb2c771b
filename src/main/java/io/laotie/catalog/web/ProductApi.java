package io.laotie.catalog.web;

import io.laotie.catalog.Categories;
import io.laotie.catalog.Category;
import io.laotie.catalog.NewProduct;
import io.laotie.catalog.ProductChange;
import io.laotie.catalog.ProductStatus;
import io.laotie.catalog.ProductView;
import io.laotie.catalog.Products;
import io.laotie.identity.Caller;
import io.laotie.platform.PageOf;
import io.laotie.platform.PageRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Optional;

/** Products, SKUs and the category tree. Reading is open to all; changing is for the shop owner. */
@RestController
@RequestMapping("/api")
class ProductApi {

    record SkuPrice(@NotNull @Min(1) @Max(NewProduct.MAX_PRICE) Long price) {
    }

    private final Products products;
    private final Categories categories;

    ProductApi(Products products, Categories categories) {
        this.products = products;
        this.categories = categories;
    }

    @GetMapping("/products")
    PageOf<ProductView> search(@RequestParam(required = false) @Size(max = 100) @Nullable String q,
                               @RequestParam(required = false) @Nullable Long categoryId,
                               @RequestParam(required = false) @Nullable Integer page,
                               @RequestParam(required = false) @Nullable Integer size) {
        return products.search(q, categoryId, PageRequest.of(page, size));
    }

    @GetMapping("/products/{id}")
    ProductView get(Optional<Caller> caller, @PathVariable long id) {
        return products.view(id, caller);
    }

    @PatchMapping("/products/{id}")
    ProductView update(Caller caller, @PathVariable long id, @Valid @RequestBody ProductChange change) {
        return products.update(id, caller, change);
    }

    @PostMapping("/products/{id}/skus")
    @ResponseStatus(HttpStatus.CREATED)
    ProductView addSku(Caller caller, @PathVariable long id, @Valid @RequestBody NewProduct.NewSku sku) {
        return products.addSku(id, caller, sku);
    }

    @PostMapping("/products/{id}/delisting")
    ProductView delist(Caller caller, @PathVariable long id) {
        return products.setStatus(id, caller, ProductStatus.DELISTED);
    }

    @PostMapping("/products/{id}/relisting")
    ProductView relist(Caller caller, @PathVariable long id) {
        return products.setStatus(id, caller, ProductStatus.ACTIVE);
    }

    @PatchMapping("/skus/{skuId}")
    ProductView reprice(Caller caller, @PathVariable long skuId, @Valid @RequestBody SkuPrice request) {
        return products.repriceSku(skuId, caller, request.price());
    }

    @GetMapping("/categories")
    List<Category> categories() {
        return categories.tree();
    }
}
