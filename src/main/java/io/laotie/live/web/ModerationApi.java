package io.laotie.live.web;

import io.laotie.identity.Caller;
import io.laotie.live.Moderation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The operators' blocked-word list (屏蔽词). */
@RestController
class ModerationApi {

    record WordRequest(@NotBlank @Size(max = 50) String word) {
    }

    private final Moderation moderation;

    ModerationApi(Moderation moderation) {
        this.moderation = moderation;
    }

    @GetMapping("/api/operator/blocked-words")
    List<Moderation.BlockedWord> words() {
        return moderation.blockedWords();
    }

    @PostMapping("/api/operator/blocked-words")
    @ResponseStatus(HttpStatus.CREATED)
    Moderation.BlockedWord block(Caller caller, @Valid @RequestBody WordRequest request) {
        return moderation.block(request.word(), caller);
    }

    @DeleteMapping("/api/operator/blocked-words/{word}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unblock(@PathVariable String word) {
        moderation.unblock(word);
    }
}
