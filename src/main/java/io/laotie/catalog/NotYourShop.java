package io.laotie.catalog;

import io.laotie.platform.Problem;

/** The caller may see the shop or product but only its owner may change it (403). */
public class NotYourShop extends Problem {

    public NotYourShop() {
        super("forbidden", 403, "Forbidden", "Only the shop's owner may change it");
    }
}
