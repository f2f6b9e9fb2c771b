package io.laotie.trust;

/** What the public sees of a creator's trust: the reputation (带货口碑分). */
public record CreatorTrust(TrustScore reputation) {
}
