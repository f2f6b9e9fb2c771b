package io.laotie.identity;

/** How a login came in: the web form (session cookie) or the API (bearer token). */
public enum LoginChannel {
    WEB, API
}
