package io.laotie.catalog.web;

import io.laotie.catalog.Categories;
import io.laotie.catalog.NewProduct;
import io.laotie.catalog.ProductStatus;
import io.laotie.catalog.ProductView;
import io.laotie.catalog.Products;
import io.laotie.catalog.Shop;
import io.laotie.catalog.Shops;
import io.laotie.catalog.SkuForSale;
import io.laotie.identity.Caller;
import io.laotie.inventory.InsufficientStock;
import io.laotie.inventory.Inventory;
import io.laotie.platform.NotFound;
import io.laotie.platform.PageOf;
import io.laotie.platform.PageRequest;
import io.laotie.platform.Problem;
import io.laotie.platform.web.FormErrors;
import io.laotie.platform.web.Notices;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * The merchant's shop console (店铺后台): open a shop, list products with their SKUs, adjust stock, add and
 * reprice SKUs, delist and relist. Each shop's console is its owner's alone; anyone else gets 403.
 */
@Controller
@RequestMapping("/console")
class ShopConsolePages {

    private static final int MAX_REASON = 200;

    private final Shops shops;
    private final Products products;
    private final Categories categories;
    private final Inventory inventory;
    private final Notices notices;

    ShopConsolePages(Shops shops, Products products, Categories categories, Inventory inventory, Notices notices) {
        this.shops = shops;
        this.products = products;
        this.categories = categories;
        this.inventory = inventory;
        this.notices = notices;
    }

    /** The caller's shops, and the form to open one; opening the first makes the caller a merchant. */
    @GetMapping
    String shops(Caller caller, @ModelAttribute("form") ShopForm form, Model model) {
        model.addAttribute("shops", shops.ownedBy(caller.accountId()));
        return "console/shops";
    }

    @PostMapping
    String open(Caller caller, @Valid @ModelAttribute("form") ShopForm form, BindingResult result, Model model,
                RedirectAttributes next) {
        if (!result.hasErrors()) {
            try {
                Shop shop = shops.open(caller.accountId(), Objects.requireNonNull(form.getName()),
                        form.getDescription() == null ? "" : form.getDescription());
                notices.success(next, "console.shop.opened", shop.name());
                return "redirect:/console/shops/" + shop.id();
            } catch (Problem problem) {
                FormErrors.reject(result, problem);
            }
        }
        model.addAttribute("shops", shops.ownedBy(caller.accountId()));
        return "console/shops";
    }

    @GetMapping("/shops/{shopId}")
    String shop(Caller caller, @PathVariable long shopId, @RequestParam(defaultValue = "0") int page, Model model) {
        Shop shop = own(caller, shopId);
        PageOf<ProductView> goods = products.ofShop(shopId, Optional.of(caller), new PageRequest(Math.max(page, 0), CatalogPages.PAGE_SIZE));
        model.addAttribute("shop", shop);
        model.addAttribute("products", goods);
        CatalogPages.pagingLinks(model, goods, "/console/shops/" + shopId, null);
        return "console/shop";
    }

    @GetMapping("/shops/{shopId}/products/new")
    String newProduct(Caller caller, @PathVariable long shopId, @ModelAttribute("form") ProductForm form, Model model) {
        Shop shop = own(caller, shopId);
        form.withSpareRows();
        return productForm(shop, model);
    }

    @PostMapping("/shops/{shopId}/products/new")
    String createProduct(Caller caller, @PathVariable long shopId, @Valid @ModelAttribute("form") ProductForm form,
                         BindingResult result, Model model, RedirectAttributes next) {
        Shop shop = own(caller, shopId);
        form.check(result, categories.tree());
        if (!result.hasErrors()) {
            try {
                ProductView product = products.create(shopId, caller, form.toNewProduct());
                notices.success(next, "console.product.created", product.title());
                return "redirect:/console/shops/" + shopId;
            } catch (Problem problem) {
                FormErrors.reject(result, problem, form::formField);
            }
        }
        form.withSpareRows();
        return productForm(shop, model);
    }

    /**
     * Changes a SKU's stock on hand by a signed amount, with the reason kept in the stock history. From htmx the
     * answer is the SKU's table row alone, so the merchant stays where they were on a long page.
     */
    @PostMapping("/shops/{shopId}/skus/{skuId}/stock")
    String adjustStock(Caller caller, @PathVariable long shopId, @PathVariable long skuId,
                       @RequestParam(defaultValue = "") String delta, @RequestParam(defaultValue = "") String reason,
                       @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
                       Model model, RedirectAttributes next) {
        SkuForSale sku = skuOf(caller, shopId, skuId);
        Long units = wholeNumber(delta);
        String why = reason.strip();
        boolean adjusted = false;
        String outcome;
        if (units == null || units == 0) {
            outcome = notices.text("console.stock.delta-rule");
        } else if (why.isEmpty() || why.length() > MAX_REASON) {
            outcome = notices.text("console.stock.reason-rule", MAX_REASON);
        } else {
            try {
                var level = inventory.adjust(skuId, units, why, caller.accountId());
                adjusted = true;
                outcome = notices.text("console.stock.adjusted", sku.productTitle() + " · " + sku.skuName(), level.stock());
            } catch (InsufficientStock belowReserved) {
                var level = inventory.level(skuId);
                outcome = notices.text("console.stock.below-reserved", level.stock(), level.reserved());
            } catch (Problem problem) {
                outcome = notices.describe(problem);
            }
        }
        if (htmx != null) {
            ProductView product = products.view(sku.productId(), Optional.of(caller));
            model.addAttribute("shop", shops.get(shopId));
            model.addAttribute("product", product);
            model.addAttribute("sku", product.skus().stream().filter(s -> s.id() == skuId).findFirst().orElseThrow());
            model.addAttribute("rowAdjusted", adjusted);
            model.addAttribute("rowOutcome", outcome);
            return "console/shop :: skuRow";
        }
        next.addFlashAttribute(adjusted ? "notice" : "alert", outcome);
        return "redirect:/console/shops/" + shopId;
    }

    @PostMapping("/shops/{shopId}/skus/{skuId}/price")
    String reprice(Caller caller, @PathVariable long shopId, @PathVariable long skuId,
                   @RequestParam(defaultValue = "") String price, RedirectAttributes next) {
        SkuForSale sku = skuOf(caller, shopId, skuId);
        BigDecimal yuan = Yuan.parse(price);
        if (yuan == null || !Yuan.isPrice(yuan) || !Yuan.exact(yuan)) {
            notices.alert(next, "console.sku.price-rule");
        } else {
            try {
                products.repriceSku(skuId, caller, Yuan.toFen(yuan));
                notices.success(next, "console.sku.repriced", sku.productTitle() + " · " + sku.skuName());
            } catch (Problem problem) {
                notices.problem(next, problem);
            }
        }
        return "redirect:/console/shops/" + shopId;
    }

    @PostMapping("/shops/{shopId}/products/{productId}/skus")
    String addSku(Caller caller, @PathVariable long shopId, @PathVariable long productId,
                  @ModelAttribute ProductForm.SkuRow row, BindingResult unreadable, RedirectAttributes next) {
        ProductView product = productOf(caller, shopId, productId);
        String name = row.getName() == null ? "" : row.getName().strip();
        BigDecimal price = row.getPrice();
        Long stock = row.getStock();
        if (unreadable.hasErrors() || name.isEmpty() || name.length() > 64 || price == null || !Yuan.isPrice(price) || !Yuan.exact(price)
                || stock == null || stock < 0 || stock > Inventory.MAX_STOCK) {
            notices.alert(next, "console.sku.add-rule");
        } else if (product.skus().stream().anyMatch(s -> s.name().equals(name))) {
            notices.alert(next, "console.product.sku.duplicate");
        } else {
            try {
                products.addSku(productId, caller, new NewProduct.NewSku(name, Yuan.toFen(price), stock));
                notices.success(next, "console.sku.added", product.title() + " · " + name);
            } catch (Problem problem) {
                notices.problem(next, problem);
            }
        }
        return "redirect:/console/shops/" + shopId;
    }

    @PostMapping("/shops/{shopId}/products/{productId}/delisting")
    String delist(Caller caller, @PathVariable long shopId, @PathVariable long productId, RedirectAttributes next) {
        return setStatus(caller, shopId, productId, ProductStatus.DELISTED, "console.product.delisted", next);
    }

    @PostMapping("/shops/{shopId}/products/{productId}/relisting")
    String relist(Caller caller, @PathVariable long shopId, @PathVariable long productId, RedirectAttributes next) {
        return setStatus(caller, shopId, productId, ProductStatus.ACTIVE, "console.product.relisted", next);
    }

    private String setStatus(Caller caller, long shopId, long productId, ProductStatus status, String message,
                             RedirectAttributes next) {
        ProductView product = productOf(caller, shopId, productId);
        products.setStatus(productId, caller, status);
        notices.success(next, message, product.title());
        return "redirect:/console/shops/" + shopId;
    }

    /** A signed whole number as typed ("20", "-5", "−5"), or null when it is not one. */
    private static @Nullable Long wholeNumber(String typed) {
        try {
            return Long.valueOf(typed.strip().replace('−', '-'));
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private String productForm(Shop shop, Model model) {
        model.addAttribute("shop", shop);
        model.addAttribute("tree", categories.tree());
        return "console/product-form";
    }

    /** The console is the owner's own: operators act through their own pages, not inside a merchant's shop. */
    private Shop own(Caller caller, long shopId) {
        return shops.owned(shopId, caller.accountId(), false);
    }

    private ProductView productOf(Caller caller, long shopId, long productId) {
        own(caller, shopId);
        ProductView product = products.view(productId, Optional.of(caller));
        if (product.shopId() != shopId) {
            throw new NotFound("Product", productId);
        }
        return product;
    }

    private SkuForSale skuOf(Caller caller, long shopId, long skuId) {
        own(caller, shopId);
        SkuForSale sku = products.sku(skuId);
        if (sku.shopId() != shopId) {
            throw new NotFound("SKU", skuId);
        }
        return sku;
    }
}
