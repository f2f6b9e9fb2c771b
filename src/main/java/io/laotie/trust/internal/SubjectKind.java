package io.laotie.trust.internal;

/** What a score is about: a creator's reputation, a shop's experience, a product's experience. */
public enum SubjectKind {
    CREATOR, SHOP, PRODUCT
}
