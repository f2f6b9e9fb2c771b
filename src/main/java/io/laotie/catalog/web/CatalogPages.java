package io.laotie.catalog.web;

import io.laotie.catalog.Categories;
import io.laotie.catalog.Category;
import io.laotie.catalog.ProductView;
import io.laotie.catalog.Products;
import io.laotie.catalog.Shop;
import io.laotie.catalog.Shops;
import io.laotie.identity.Caller;
import io.laotie.platform.PageOf;
import io.laotie.platform.PageRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.Optional;

/** What buyers browse: the home page with categories, search and product cards; a product; a shop. */
@Controller
class CatalogPages {

    static final int PAGE_SIZE = 20;
    private static final int MAX_QUERY = 100;

    private final Categories categories;
    private final Products products;
    private final Shops shops;

    CatalogPages(Categories categories, Products products, Shops shops) {
        this.categories = categories;
        this.products = products;
        this.shops = shops;
    }

    @GetMapping("/")
    String home(@RequestParam(required = false) @Nullable String q, @RequestParam(defaultValue = "0") int page, Model model) {
        return listing(null, q, page, model);
    }

    /** One category's goods; a top-level category shows those of all its children. */
    @GetMapping("/categories/{id}")
    String category(@PathVariable long id, @RequestParam(required = false) @Nullable String q,
                    @RequestParam(defaultValue = "0") int page, Model model) {
        return listing(categories.get(id), q, page, model);
    }

    @GetMapping("/products/{id}")
    String product(Optional<Caller> caller, @PathVariable long id, Model model) {
        ProductView product = products.view(id, caller);
        Shop shop = shops.get(product.shopId());
        model.addAttribute("product", product);
        model.addAttribute("category", categories.find(product.categoryId()).orElse(null));
        model.addAttribute("owner", caller.map(c -> c.is(shop.ownerId())).orElse(false));
        return "catalog/product";
    }

    @GetMapping("/shops/{id}")
    String shop(Optional<Caller> caller, @PathVariable long id, @RequestParam(defaultValue = "0") int page, Model model) {
        Shop shop = shops.get(id);
        PageOf<ProductView> goods = products.ofShop(id, caller, new PageRequest(Math.max(page, 0), PAGE_SIZE));
        model.addAttribute("shop", shop);
        model.addAttribute("owner", caller.map(c -> c.is(shop.ownerId())).orElse(false));
        model.addAttribute("products", goods);
        pagingLinks(model, goods, "/shops/" + id, null);
        return "catalog/shop";
    }

    private String listing(@Nullable Category category, @Nullable String q, int page, Model model) {
        String query = q == null || q.isBlank() ? null : q.strip();
        if (query != null && query.length() > MAX_QUERY) {
            query = query.substring(0, MAX_QUERY);
        }
        PageOf<ProductView> found = products.search(query, category == null ? null : category.id(),
                new PageRequest(Math.max(page, 0), PAGE_SIZE));
        model.addAttribute("tree", categories.tree());
        model.addAttribute("category", category);
        model.addAttribute("q", query);
        model.addAttribute("products", found);
        pagingLinks(model, found, category == null ? "/" : "/categories/" + category.id(), query);
        return "catalog/home";
    }

    /** Links to the previous and next page of a listing, keeping its search; absent at either end. */
    static void pagingLinks(Model model, PageOf<?> page, String path, @Nullable String query) {
        long pages = (page.total() + page.size() - 1) / page.size();
        model.addAttribute("pages", pages);
        model.addAttribute("previousPage", page.page() > 0 ? link(path, query, page.page() - 1) : null);
        model.addAttribute("nextPage", page.page() + 1 < pages ? link(path, query, page.page() + 1) : null);
    }

    private static String link(String path, @Nullable String query, int page) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath(path);
        if (query != null) {
            link.queryParam("q", query);
        }
        if (page > 0) {
            link.queryParam("page", page);
        }
        return link.encode().build().toUriString();
    }
}
