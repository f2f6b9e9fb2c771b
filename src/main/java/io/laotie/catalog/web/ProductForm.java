package io.laotie.catalog.web;

import io.laotie.catalog.Category;
import io.laotie.catalog.NewProduct;
import io.laotie.catalog.Origin;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.BindingResult;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The console's create-a-product form. Merchants type prices in yuan with up to two decimals; they become fen
 * exactly (no floating point on the way). SKU rows left blank are ignored, so the form can offer spare rows.
 * The rules are those of {@link NewProduct}, checked here so the messages come in the merchant's language.
 */
class ProductForm {

    static final int MIN_SKU_ROWS = 3;
    static final int MAX_SKUS = 50;
    static final int MAX_IMAGES = 9;
    private static final BigDecimal MAX_STOCK = BigDecimal.valueOf(100_000_000L);
    private static final Pattern IMAGE_URL = Pattern.compile("https?://\\S+");

    @NotBlank(message = "{form.required}")
    @Size(max = 120, message = "{form.too-long}")
    private @Nullable String title;

    @Size(max = 5000, message = "{form.too-long}")
    private @Nullable String description;

    @NotNull(message = "{form.required}")
    private @Nullable Long categoryId;

    /** "" keeps the category's default; "true" or "false" overrides it. */
    private String standard = "";

    @Size(max = 100, message = "{form.too-long}")
    private @Nullable String originPlace;

    @Size(max = 5000, message = "{form.too-long}")
    private @Nullable String originStory;

    @NotNull(message = "{form.required}")
    @DecimalMin(value = "0.01", message = "{form.price.rule}")
    @DecimalMax(value = "1000000", message = "{form.price.rule}")
    @Digits(integer = 7, fraction = 2, message = "{form.yuan.rule}")
    private @Nullable BigDecimal costPrice;

    @NotNull(message = "{form.required}")
    @DecimalMin(value = "0.01", message = "{form.price.rule}")
    @DecimalMax(value = "1000000", message = "{form.price.rule}")
    @Digits(integer = 7, fraction = 2, message = "{form.yuan.rule}")
    private @Nullable BigDecimal referencePrice;

    @DecimalMin(value = "0", message = "{form.shipping.rule}")
    @DecimalMax(value = "1000", message = "{form.shipping.rule}")
    @Digits(integer = 4, fraction = 2, message = "{form.yuan.rule}")
    private @Nullable BigDecimal shippingFee = BigDecimal.ZERO;

    private boolean noReasonReturn = true;

    /** One http(s) URL a line. */
    @Size(max = 10_000, message = "{form.too-long}")
    private @Nullable String imageUrls;

    private List<SkuRow> skus = new ArrayList<>();

    /** One SKU (规格) row: name, price in yuan and initial stock. */
    public static class SkuRow {

        private @Nullable String name;
        private @Nullable BigDecimal price;
        private @Nullable Long stock;

        boolean blank() {
            return (name == null || name.isBlank()) && price == null && stock == null;
        }

        public @Nullable String getName() {
            return name;
        }

        public void setName(@Nullable String name) {
            this.name = name;
        }

        public @Nullable BigDecimal getPrice() {
            return price;
        }

        public void setPrice(@Nullable BigDecimal price) {
            this.price = price;
        }

        public @Nullable Long getStock() {
            return stock;
        }

        public void setStock(@Nullable Long stock) {
            this.stock = stock;
        }
    }

    /** Pads the SKU rows so the form always offers at least {@value #MIN_SKU_ROWS}, plus a spare one when full. */
    ProductForm withSpareRows() {
        while (skus.size() < MIN_SKU_ROWS || (skus.size() < MAX_SKUS && skus.stream().noneMatch(SkuRow::blank))) {
            skus.add(new SkuRow());
        }
        return this;
    }

    /** Checks what bean validation cannot say alone: SKU rows, image lines, and that the category takes products. */
    void check(BindingResult result, List<Category> tree) {
        if (categoryId != null && tree.stream().flatMap(c -> c.children().stream()).noneMatch(c -> c.id() == categoryId)) {
            result.rejectValue("categoryId", "console.product.category.leaf");
        }
        List<String> urls = imageLines();
        if (urls.size() > MAX_IMAGES) {
            result.rejectValue("imageUrls", "console.product.images.too-many", new Object[]{MAX_IMAGES}, null);
        }
        if (urls.stream().anyMatch(u -> u.length() > 1000 || !IMAGE_URL.matcher(u).matches())) {
            result.rejectValue("imageUrls", "console.product.images.rule");
        }
        Set<String> names = new HashSet<>();
        int filled = 0;
        for (int i = 0; i < skus.size(); i++) {
            SkuRow row = skus.get(i);
            if (row.blank()) {
                continue;
            }
            filled++;
            String field = "skus[" + i + "].";
            if (row.name == null || row.name.isBlank()) {
                result.rejectValue(field + "name", "form.required");
            } else if (row.name.strip().length() > 64) {
                result.rejectValue(field + "name", "form.too-long");
            } else if (!names.add(row.name.strip())) {
                result.rejectValue(field + "name", "console.product.sku.duplicate");
            }
            if (row.price == null) {
                if (!result.hasFieldErrors(field + "price")) {
                    result.rejectValue(field + "price", "form.required");
                }
            } else if (!Yuan.isPrice(row.price)) {
                result.rejectValue(field + "price", "form.price.rule");
            } else if (!Yuan.exact(row.price)) {
                result.rejectValue(field + "price", "form.yuan.rule");
            }
            if (row.stock == null) {
                if (!result.hasFieldErrors(field + "stock")) {
                    result.rejectValue(field + "stock", "form.required");
                }
            } else if (row.stock < 0 || BigDecimal.valueOf(row.stock).compareTo(MAX_STOCK) > 0) {
                result.rejectValue(field + "stock", "console.product.sku.stock.rule");
            }
        }
        if (filled == 0) {
            result.reject("console.product.sku.none");
        } else if (filled > MAX_SKUS) {
            result.reject("console.product.sku.too-many", new Object[]{MAX_SKUS}, null);
        }
    }

    /** The product to list; call after {@link #check} found nothing wrong. */
    NewProduct toNewProduct() {
        List<NewProduct.NewSku> rows = new ArrayList<>();
        for (SkuRow row : skus) {
            if (!row.blank()) {
                rows.add(new NewProduct.NewSku(Objects.requireNonNull(row.name).strip(), Yuan.toFen(Objects.requireNonNull(row.price)),
                        Objects.requireNonNull(row.stock)));
            }
        }
        List<String> urls = imageLines();
        return new NewProduct(Objects.requireNonNull(title).strip(), description == null ? "" : description.strip(),
                Objects.requireNonNull(categoryId), standard.isEmpty() ? null : Boolean.valueOf(standard), new Origin(originPlace, originStory),
                Yuan.toFen(Objects.requireNonNull(costPrice)), Yuan.toFen(Objects.requireNonNull(referencePrice)),
                shippingFee == null ? 0L : Yuan.toFen(shippingFee), noReasonReturn, urls.isEmpty() ? null : urls, rows);
    }

    /** The form field of the n-th SKU the module saw, since blank rows never reached it. */
    String formField(String moduleField) {
        if (!moduleField.startsWith("skus[")) {
            return moduleField;
        }
        int close = moduleField.indexOf(']');
        int sent = Integer.parseInt(moduleField.substring(5, close));
        int seen = -1;
        for (int i = 0; i < skus.size(); i++) {
            if (!skus.get(i).blank() && ++seen == sent) {
                return "skus[" + i + "]" + moduleField.substring(close + 1);
            }
        }
        return moduleField;
    }

    private List<String> imageLines() {
        if (imageUrls == null) {
            return List.of();
        }
        return imageUrls.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    public @Nullable String getTitle() {
        return title;
    }

    public void setTitle(@Nullable String title) {
        this.title = title;
    }

    public @Nullable String getDescription() {
        return description;
    }

    public void setDescription(@Nullable String description) {
        this.description = description;
    }

    public @Nullable Long getCategoryId() {
        return categoryId;
    }

    public void setCategoryId(@Nullable Long categoryId) {
        this.categoryId = categoryId;
    }

    public String getStandard() {
        return standard;
    }

    public void setStandard(@Nullable String standard) {
        this.standard = "true".equals(standard) || "false".equals(standard) ? standard : "";
    }

    public @Nullable String getOriginPlace() {
        return originPlace;
    }

    public void setOriginPlace(@Nullable String originPlace) {
        this.originPlace = originPlace;
    }

    public @Nullable String getOriginStory() {
        return originStory;
    }

    public void setOriginStory(@Nullable String originStory) {
        this.originStory = originStory;
    }

    public @Nullable BigDecimal getCostPrice() {
        return costPrice;
    }

    public void setCostPrice(@Nullable BigDecimal costPrice) {
        this.costPrice = costPrice;
    }

    public @Nullable BigDecimal getReferencePrice() {
        return referencePrice;
    }

    public void setReferencePrice(@Nullable BigDecimal referencePrice) {
        this.referencePrice = referencePrice;
    }

    public @Nullable BigDecimal getShippingFee() {
        return shippingFee;
    }

    public void setShippingFee(@Nullable BigDecimal shippingFee) {
        this.shippingFee = shippingFee;
    }

    public boolean isNoReasonReturn() {
        return noReasonReturn;
    }

    public void setNoReasonReturn(boolean noReasonReturn) {
        this.noReasonReturn = noReasonReturn;
    }

    public @Nullable String getImageUrls() {
        return imageUrls;
    }

    public void setImageUrls(@Nullable String imageUrls) {
        this.imageUrls = imageUrls;
    }

    public List<SkuRow> getSkus() {
        return skus;
    }

    public void setSkus(List<SkuRow> skus) {
        this.skus = skus;
    }
}
