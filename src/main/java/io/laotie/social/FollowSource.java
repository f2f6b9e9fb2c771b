package io.laotie.social;

/** Where a follow came from; the traffic feeds add their own sources later. */
public enum FollowSource {
    ROOM, CREATOR_PAGE, SEARCH
}
