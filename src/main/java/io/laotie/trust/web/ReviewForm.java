package io.laotie.trust.web;

import io.laotie.trust.NewReview;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The review form on the buyer's order page (评价): a row per line not reviewed yet, with stars, words, tags as
 * check boxes and photo addresses one a line, as people type them. Rows without stars are left for later.
 */
public class ReviewForm {

    private List<Line> lines = new ArrayList<>();

    public List<Line> getLines() {
        return lines;
    }

    public void setLines(List<Line> lines) {
        this.lines = lines;
    }

    static List<String> urls(@Nullable String typed) {
        return typed == null ? List.of() : Arrays.stream(typed.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public static class Line {

        private @Nullable Long orderLineId;
        private @Nullable Integer rating;
        private @Nullable String text;
        private List<String> tags = new ArrayList<>();
        private @Nullable String imageUrls;

        public Line() {
        }

        Line(long orderLineId) {
            this.orderLineId = orderLineId;
        }

        NewReview.Line toLine() {
            return new NewReview.Line(orderLineId, rating, text, tags, urls(imageUrls));
        }

        public @Nullable Long getOrderLineId() {
            return orderLineId;
        }

        public void setOrderLineId(@Nullable Long orderLineId) {
            this.orderLineId = orderLineId;
        }

        public @Nullable Integer getRating() {
            return rating;
        }

        public void setRating(@Nullable Integer rating) {
            this.rating = rating;
        }

        public @Nullable String getText() {
            return text;
        }

        public void setText(@Nullable String text) {
            this.text = text;
        }

        public List<String> getTags() {
            return tags;
        }

        public void setTags(List<String> tags) {
            this.tags = tags;
        }

        public @Nullable String getImageUrls() {
            return imageUrls;
        }

        public void setImageUrls(@Nullable String imageUrls) {
            this.imageUrls = imageUrls;
        }
    }
}
