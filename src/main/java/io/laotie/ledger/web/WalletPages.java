package io.laotie.ledger.web;

import io.laotie.platform.web.Yuan;
import io.laotie.identity.Caller;
import io.laotie.identity.Role;
import io.laotie.ledger.AccountRef;
import io.laotie.ledger.InsufficientBalance;
import io.laotie.ledger.Ledger;
import io.laotie.ledger.StatementLine;
import io.laotie.platform.Forbidden;
import io.laotie.platform.PageOf;
import io.laotie.platform.PageRequest;
import io.laotie.platform.Problem;
import io.laotie.platform.web.Notices;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * My wallet (我的钱包): the balance, a demo top-up when they are on, and the statement with the running balance.
 * Merchants also see their pending and available money, its statements and a withdrawal form.
 */
@Controller
@RequestMapping("/wallet")
class WalletPages {

    static final int PAGE_SIZE = 20;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final List<String> MERCHANT_ACCOUNTS = List.of("merchant-pending", "merchant-available");

    /** A statement line as the page shows it: the time in the platform zone, and the order it is about if any. */
    record Line(String at, String kind, @Nullable String orderId, long amount, long balance) {
    }

    private final Ledger ledger;
    private final Notices notices;
    private final ZoneId zone;

    WalletPages(Ledger ledger, Notices notices, ZoneId platformZone) {
        this.ledger = ledger;
        this.notices = notices;
        this.zone = platformZone;
    }

    @GetMapping
    String wallet(Caller caller, @RequestParam(defaultValue = "me") String account, @RequestParam(defaultValue = "0") int page, Model model) {
        boolean merchant = caller.has(Role.MERCHANT);
        String shown = merchant && MERCHANT_ACCOUNTS.contains(account) ? account : "me";
        AccountRef ref = StatementAccounts.resolve(shown, caller);
        PageOf<Line> lines = ledger.statement(ref, null, null, new PageRequest(Math.max(page, 0), PAGE_SIZE))
                .map(this::line);
        model.addAttribute("balance", ledger.balance(AccountRef.wallet(caller.accountId())));
        model.addAttribute("merchant", merchant);
        if (merchant) {
            model.addAttribute("pending", ledger.balance(AccountRef.merchantPending(caller.accountId())));
            model.addAttribute("available", ledger.balance(AccountRef.merchantAvailable(caller.accountId())));
        }
        model.addAttribute("demoTopUps", ledger.demoTopUpsEnabled());
        model.addAttribute("maxTopUp", ledger.maxTopUp());
        model.addAttribute("account", shown);
        model.addAttribute("lines", lines);
        long pages = (lines.total() + PAGE_SIZE - 1) / PAGE_SIZE;
        model.addAttribute("pages", pages);
        model.addAttribute("previousPage", lines.page() > 0 ? link(shown, lines.page() - 1) : null);
        model.addAttribute("nextPage", lines.page() + 1 < pages ? link(shown, lines.page() + 1) : null);
        return "ledger/wallet";
    }

    @PostMapping("/top-ups")
    String topUp(Caller caller, @RequestParam(defaultValue = "") String amount, RedirectAttributes next) {
        Long fen = Yuan.fen(amount);
        if (fen == null || fen > ledger.maxTopUp()) {
            notices.alert(next, "wallet.amount.rule", yuan(ledger.maxTopUp()));
        } else {
            try {
                ledger.demoTopUp(caller.accountId(), fen);
                notices.success(next, "wallet.topped-up", yuan(fen));
            } catch (Problem problem) {
                notices.problem(next, problem);
            }
        }
        return "redirect:/wallet";
    }

    @PostMapping("/withdrawals")
    String withdraw(Caller caller, @RequestParam(defaultValue = "") String amount, RedirectAttributes next) {
        if (!caller.has(Role.MERCHANT)) {
            throw new Forbidden("Only merchants withdraw money");
        }
        AccountRef available = AccountRef.merchantAvailable(caller.accountId());
        Long fen = Yuan.fen(amount);
        if (fen == null) {
            notices.alert(next, "wallet.withdraw.rule");
        } else {
            try {
                ledger.withdraw(available, fen);
                notices.success(next, "wallet.withdrawn", yuan(fen));
            } catch (InsufficientBalance tooMuch) {
                notices.alert(next, "wallet.withdraw.too-much", yuan(ledger.balance(available)));
            } catch (Problem problem) {
                notices.problem(next, problem);
            }
        }
        return "redirect:/wallet?account=merchant-available";
    }

    private Line line(StatementLine line) {
        return new Line(WHEN.format(line.at().atZone(zone)), line.kind().name(),
                line.orderId() == null ? null : line.orderId().toString(), line.amount(), line.balance());
    }

    private static String link(String account, int page) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/wallet");
        if (!account.equals("me")) {
            link.queryParam("account", account);
        }
        if (page > 0) {
            link.queryParam("page", page);
        }
        return link.build().toUriString();
    }

    private static String yuan(long fen) {
        return "¥" + BigDecimal.valueOf(fen, 2).toPlainString();
    }
}
