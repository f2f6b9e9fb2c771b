package io.laotie.platform;

import java.util.List;
import java.util.function.Function;

/** One page of a listing, as every paged API answers it: {@code {items, page, size, total}}. */
public record PageOf<T>(List<T> items, int page, int size, long total) {

    public <R> PageOf<R> map(Function<? super T, ? extends R> mapper) {
        return new PageOf<>(items.stream().<R>map(mapper).toList(), page, size, total);
    }
}
