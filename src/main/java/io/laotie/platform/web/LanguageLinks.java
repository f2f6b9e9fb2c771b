package io.laotie.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The language switch in the header: a link to the page being shown, with {@code lang} set, so switching keeps
 * the reader where they are. {@link LocaleConfig} then remembers the choice in a cookie.
 */
@Component("languages")
class LanguageLinks {

    /** The current page in another language, such as {@code /products/42?page=1&lang=en}. */
    public String switchTo(String lang) {
        HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = failed instanceof String original ? original : request.getRequestURI();
        // A page drawn in answer to a form post is reloaded by GET: the form's fields are not carried along.
        String query = "GET".equals(request.getMethod()) && failed == null ? request.getQueryString() : null;
        try {
            return UriComponentsBuilder.fromPath(path).query(query).replaceQueryParam("lang", lang).build(true).toUriString();
        } catch (IllegalArgumentException malformed) {
            return UriComponentsBuilder.fromPath(request.getContextPath() + "/").queryParam("lang", lang).build(true).toUriString();
        }
    }
}
