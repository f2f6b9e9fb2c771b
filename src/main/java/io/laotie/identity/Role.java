package io.laotie.identity;

/** What an account may do. Every account is a VIEWER; the others are gained (opening a shop makes a MERCHANT). */
public enum Role {
    VIEWER, CREATOR, MERCHANT, TEAM_LEADER, OPERATOR
}
