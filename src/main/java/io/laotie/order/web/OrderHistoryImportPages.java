package io.laotie.order.web;

import io.laotie.identity.Caller;
import io.laotie.order.HistoryImport;
import io.laotie.order.ImportRefused;
import io.laotie.order.LineError;
import io.laotie.order.OrderHistoryImports;
import io.laotie.platform.PageOf;
import io.laotie.platform.PageRequest;
import io.laotie.platform.Problem;
import io.laotie.platform.web.Notices;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The operators' import page (历史订单导入): upload a CSV of a shop's past orders for a creator, see the bad lines of a
 * refused file, and watch an import until the trust chain has absorbed it (the page asks the API every second).
 * The security chain keeps {@code /operator/**} to operators.
 */
@Controller
@RequestMapping("/operator/order-history-imports")
class OrderHistoryImportPages {

    static final int PAGE_SIZE = 20;
    static final int ERRORS_SHOWN = 200;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** An import in the list, with its time in the platform zone. */
    record Line(HistoryImport history, String createdAt) {
    }

    private final OrderHistoryImports imports;
    private final Notices notices;
    private final ZoneId zone;

    OrderHistoryImportPages(OrderHistoryImports imports, Notices notices, ZoneId platformZone) {
        this.imports = imports;
        this.notices = notices;
        this.zone = platformZone;
    }

    @GetMapping
    String list(Caller operator, @RequestParam(defaultValue = "0") int page, Model model) {
        return list(operator, page, null, null, null, model);
    }

    @PostMapping
    String upload(Caller operator, @RequestParam(defaultValue = "") String shopId, @RequestParam(defaultValue = "") String creatorId,
                  @RequestParam(required = false) @Nullable MultipartFile file, Model model, RedirectAttributes next) throws IOException {
        Long shop = number(shopId);
        Long creator = number(creatorId);
        if (shop == null || creator == null || file == null || file.isEmpty()) {
            return list(operator, 0, notices.text("imports.form.rule"), null, null, model);
        }
        try {
            HistoryImport started = imports.start(operator, shop, creator, new String(file.getBytes(), StandardCharsets.UTF_8));
            notices.success(next, "imports.started", started.orders(), started.buyers());
            return "redirect:/operator/order-history-imports/" + started.id();
        } catch (ImportRefused refused) {
            return list(operator, 0, notices.describe(refused), refused.errors(), file.getOriginalFilename(), model);
        } catch (Problem problem) {
            return list(operator, 0, notices.describe(problem), null, null, model);
        }
    }

    @GetMapping("/{id}")
    String one(Caller operator, @PathVariable long id, Model model) {
        HistoryImport history = imports.get(operator, id);
        model.addAttribute("line", line(history));
        model.addAttribute("percent", history.orders() == 0 ? 100 : (int) (100 * history.processedOrders() / history.orders()));
        return "operator/order-history-import";
    }

    private String list(Caller operator, int page, @Nullable String refusal, @Nullable List<LineError> errors,
                        @Nullable String fileName, Model model) {
        PageOf<Line> lines = imports.list(operator, new PageRequest(Math.max(page, 0), PAGE_SIZE)).map(this::line);
        model.addAttribute("imports", lines);
        model.addAttribute("refusal", refusal);
        model.addAttribute("badLines", errors == null ? List.of() : errors.subList(0, Math.min(errors.size(), ERRORS_SHOWN)));
        model.addAttribute("badLineCount", errors == null ? 0 : errors.size());
        model.addAttribute("fileName", fileName);
        model.addAttribute("zoneName", zone.getId());
        OrderPages.pagingLinks(model, lines, "/operator/order-history-imports", "tab", null);
        return "operator/order-history-imports";
    }

    private Line line(HistoryImport history) {
        return new Line(history, WHEN.format(history.createdAt().atZone(zone)));
    }

    private static @Nullable Long number(String typed) {
        try {
            return Long.valueOf(typed.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
