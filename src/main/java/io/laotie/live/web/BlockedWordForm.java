package io.laotie.live.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** An operator's new blocked word (屏蔽词). */
class BlockedWordForm {

    @NotBlank(message = "{form.required}")
    @Size(max = 50, message = "{form.too-long}")
    private @Nullable String word;

    public @Nullable String getWord() {
        return word;
    }

    public void setWord(@Nullable String word) {
        this.word = word;
    }
}
