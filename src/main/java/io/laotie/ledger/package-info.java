/**
 * Money that never goes missing: double-entry accounts in fen for buyers' wallets, escrow, merchants (pending and
 * available), the platform's revenue and subsidy, creators and team leaders. Payments go into escrow through a
 * {@link io.laotie.ledger.PaymentGateway}, refunds come back out of it, settlement pays the merchant less the
 * platform fee, a release makes it available after the payout hold, and withdrawals pay it out; statements and an
 * audit of every invariant read it back. Knows orders and people only by id.
 */
@NullMarked
@ApplicationModule(displayName = "Ledger", allowedDependencies = {"platform", "identity"})
package io.laotie.ledger;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
