package io.laotie.order.web;

import io.laotie.platform.web.Yuan;
import io.laotie.order.NewRefundRequest;
import io.laotie.order.OrderStatus;
import io.laotie.order.RefundKind;
import io.laotie.order.RefundReason;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.BindingResult;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The buyer's after-sales form (申请售后): the amount in yuan and photos one address a line, as people type them.
 * {@link #check} explains mistakes in the reader's language before the order module judges the request by its rules.
 */
class RefundForm {

    static final int MAX_TEXT = 1000;
    static final int MAX_PHOTOS = 9;
    private static final Pattern PHOTO = Pattern.compile("https?://\\S{1,990}");

    private @Nullable RefundKind kind;
    private @Nullable String amount;
    private @Nullable RefundReason reason;
    private @Nullable String text;
    private @Nullable String photoUrls;
    private @Nullable String key;

    /**
     * Checks the form and the after-sales rules the buyer is most likely to meet, so they are told in their own
     * language; the order module still judges every request by its rules, and the rare rest come back from there.
     *
     * @param status         the order's status now: what was shipped or received decides the rules
     * @param noReasonReturn whether the goods offer the 7-day no-reason return
     */
    void check(BindingResult result, long refundable, OrderStatus status, boolean noReasonReturn) {
        if (kind == null && !result.hasFieldErrors("kind")) {
            result.rejectValue("kind", "form.required");
        }
        if (reason == null && !result.hasFieldErrors("reason")) {
            result.rejectValue("reason", "form.required");
        }
        Long fen = Yuan.fen(amount);
        if (fen == null) {
            result.rejectValue("amount", "refund.amount.rule");
        } else if (fen > refundable) {
            result.rejectValue("amount", "refund.amount.too-much", new Object[]{Yuan.text(refundable)}, null);
        }
        if (text != null && text.strip().length() > MAX_TEXT) {
            result.rejectValue("text", "refund.text.too-long", new Object[]{MAX_TEXT}, null);
        }
        List<String> photos = photos();
        if (photos.size() > MAX_PHOTOS) {
            result.rejectValue("photoUrls", "refund.photos.too-many", new Object[]{MAX_PHOTOS}, null);
        } else if (!photos.stream().allMatch(url -> PHOTO.matcher(url).matches())) {
            result.rejectValue("photoUrls", "refund.photos.rule");
        }
        if (kind == RefundKind.REFUND_ONLY && status == OrderStatus.DELIVERED && reason != null) {
            if (!goodsProblem(reason)) {
                result.rejectValue("reason", "refund.rule.goods-problem");
            } else if (photos.isEmpty() && !result.hasFieldErrors("photoUrls")) {
                result.rejectValue("photoUrls", "refund.photos.needed");
            }
        }
        if (reason == RefundReason.NO_REASON && status != OrderStatus.PAID && !result.hasFieldErrors("reason")) {
            if (kind == RefundKind.REFUND_ONLY) {
                result.rejectValue("kind", "refund.rule.no-reason-is-a-return");
            } else if (!noReasonReturn) {
                result.rejectValue("reason", "refund.rule.no-reason.no");
            }
        }
    }

    /** The reasons that allow refund-only after delivery, as {@code AfterSales} lists them: the goods arrived wrong. */
    private static boolean goodsProblem(RefundReason reason) {
        return reason.qualityRelated() || reason == RefundReason.MISSING_ITEM;
    }

    /** The request as the order module takes it; only after {@link #check} found nothing. */
    NewRefundRequest toRequest() {
        List<String> photos = photos();
        return new NewRefundRequest(Objects.requireNonNull(kind), Objects.requireNonNull(Yuan.fen(amount)),
                Objects.requireNonNull(reason), text == null ? "" : text.strip(), photos.isEmpty() ? null : photos);
    }

    /** The module names photo fields by index ({@code photoUrls[2]}); the form has one box for all of them. */
    static String formField(String field) {
        return field.startsWith("photoUrls") ? "photoUrls" : field;
    }

    private List<String> photos() {
        return photoUrls == null ? List.of() : Arrays.stream(photoUrls.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public @Nullable RefundKind getKind() {
        return kind;
    }

    public void setKind(@Nullable RefundKind kind) {
        this.kind = kind;
    }

    public @Nullable String getAmount() {
        return amount;
    }

    public void setAmount(@Nullable String amount) {
        this.amount = amount;
    }

    public @Nullable RefundReason getReason() {
        return reason;
    }

    public void setReason(@Nullable RefundReason reason) {
        this.reason = reason;
    }

    public @Nullable String getText() {
        return text;
    }

    public void setText(@Nullable String text) {
        this.text = text;
    }

    public @Nullable String getPhotoUrls() {
        return photoUrls;
    }

    public void setPhotoUrls(@Nullable String photoUrls) {
        this.photoUrls = photoUrls;
    }

    /** Made when the form is drawn, so sending it twice asks once (see {@link FormKeys}). */
    public @Nullable String getKey() {
        return key;
    }

    public void setKey(@Nullable String key) {
        this.key = key;
    }
}
