package io.laotie.trust.web;

import io.laotie.trust.ShopGuarantees;
import io.laotie.trust.TrustGuarantees;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The trust guarantees (信任购) a shop offers, for anyone: the badges on product, shop and room pages read this. */
@RestController
@RequestMapping("/api")
class GuaranteeApi {

    private final TrustGuarantees guarantees;

    GuaranteeApi(TrustGuarantees guarantees) {
        this.guarantees = guarantees;
    }

    @GetMapping("/shops/{id}/guarantees")
    ShopGuarantees ofShop(@PathVariable long id) {
        return guarantees.forShop(id);
    }
}
