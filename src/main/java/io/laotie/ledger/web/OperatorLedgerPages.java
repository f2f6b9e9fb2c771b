package io.laotie.ledger.web;

import io.laotie.platform.web.Yuan;
import io.laotie.identity.Account;
import io.laotie.identity.Accounts;
import io.laotie.identity.Caller;
import io.laotie.ledger.AccountRef;
import io.laotie.ledger.Ledger;
import io.laotie.platform.Ids;
import io.laotie.platform.Problem;
import io.laotie.platform.web.Notices;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;
import java.util.Optional;

/** Operators' ledger page (账本核对): the audit of every invariant, and crediting an account's wallet by handle. */
@Controller
@RequestMapping("/operator/ledger")
class OperatorLedgerPages {

    private final Ledger ledger;
    private final Accounts accounts;
    private final Notices notices;
    private final Ids ids;

    OperatorLedgerPages(Ledger ledger, Accounts accounts, Notices notices, Ids ids) {
        this.ledger = ledger;
        this.accounts = accounts;
        this.notices = notices;
        this.ids = ids;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("check", ledger.check());
        model.addAttribute("escrow", ledger.balance(AccountRef.escrow()));
        model.addAttribute("revenue", ledger.balance(AccountRef.platformRevenue()));
        return "operator/ledger";
    }

    @PostMapping("/credits")
    String credit(Caller operator, @RequestParam(defaultValue = "") String handle, @RequestParam(defaultValue = "") String amount,
                  RedirectAttributes next) {
        Optional<Account> account = handle.isBlank() ? Optional.empty() : accounts.findByHandle(handle.strip().replaceFirst("^@", ""));
        Long fen = Yuan.fen(amount);
        if (account.isEmpty()) {
            notices.alert(next, "operator.ledger.credit.no-account", handle.strip());
        } else if (fen == null || fen > ledger.maxTopUp()) {
            notices.alert(next, "wallet.amount.rule", "¥" + BigDecimal.valueOf(ledger.maxTopUp(), 2).toPlainString());
        } else {
            try {
                ledger.credit(account.get().id(), fen, "credit:" + ids.next(), operator.accountId());
                notices.success(next, "operator.ledger.credited", "¥" + BigDecimal.valueOf(fen, 2).toPlainString(), account.get().handle());
            } catch (Problem problem) {
                notices.problem(next, problem);
            }
        }
        return "redirect:/operator/ledger";
    }
}
