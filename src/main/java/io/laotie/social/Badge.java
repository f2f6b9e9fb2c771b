package io.laotie.social;

/** The fan-club badge (粉丝牌) shown with a member's comments: the club's name and the member's level. */
public record Badge(String club, int level) {
}
