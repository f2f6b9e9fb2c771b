package io.laotie.order.web;

import io.laotie.identity.Caller;
import io.laotie.order.HistoryImport;
import io.laotie.order.OrderHistoryImports;
import io.laotie.platform.PageOf;
import io.laotie.platform.PageRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators import a shop's past orders as CSV ({@code buyer_reference,ordered_at,amount}) and follow the import until
 * the trust chain has absorbed it. A bad file answers 422 with {@code errors:[{line, message}]}; the same content twice
 * for a shop 409.
 */
@RestController
@RequestMapping("/api/operator/order-history-imports")
class OrderHistoryImportApi {

    private final OrderHistoryImports imports;

    OrderHistoryImportApi(OrderHistoryImports imports) {
        this.imports = imports;
    }

    /** The body is the file itself, sent as {@code text/csv} (any text type is read the same way). */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    HistoryImport start(Caller caller, @RequestParam long shopId, @RequestParam long creatorId,
                        @RequestBody(required = false) @Nullable String csv) {
        return imports.start(caller, shopId, creatorId, csv);
    }

    @GetMapping("/{id}")
    HistoryImport get(Caller caller, @PathVariable long id) {
        return imports.get(caller, id);
    }

    @GetMapping
    PageOf<HistoryImport> list(Caller caller, @RequestParam(required = false) @Nullable Integer page,
                               @RequestParam(required = false) @Nullable Integer size) {
        return imports.list(caller, PageRequest.of(page, size));
    }
}
