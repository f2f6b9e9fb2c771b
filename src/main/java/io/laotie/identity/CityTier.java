package io.laotie.identity;

/** City tiers (城市等级) as Chinese retail analysis uses them; lower tiers are where better goods for the same money matter most. */
public enum CityTier {
    TIER_1, NEW_TIER_1, TIER_2, TIER_3, TIER_4, TIER_5
}
