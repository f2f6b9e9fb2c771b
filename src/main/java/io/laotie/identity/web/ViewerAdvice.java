package io.laotie.identity.web;

import io.laotie.identity.Accounts;
import io.laotie.platform.web.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Gives every page {@code me}: the signed-in {@link Viewer}, or nothing for a visitor. Controllers' pages get
 * it as a model attribute. Error pages drawn without a controller's model (an exception handler's page, or an
 * unknown address) read the same value from the request, which the interceptor fills before any handler runs.
 */
@ControllerAdvice
class ViewerAdvice implements HandlerInterceptor, WebMvcConfigurer {

    static final String ME = "me";

    private final Accounts accounts;

    ViewerAdvice(Accounts accounts) {
        this.accounts = accounts;
    }

    /** JSON answers draw no page, so API requests skip the account read. */
    @ModelAttribute(ME)
    @Nullable Viewer me(HttpServletRequest request) {
        return ProblemResponses.isApi(request) ? null : viewer(request);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        viewer(request);
        return true;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // Static files and JSON answers draw no header: no need to read the account for them.
        registry.addInterceptor(this).excludePathPatterns("/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
                "/api/**", "/actuator/**", "/v3/**", "/swagger-ui/**", "/hooks/**");
    }

    private @Nullable Viewer viewer(HttpServletRequest request) {
        if (request.getAttribute(ME) instanceof Viewer known) {
            return known;
        }
        Viewer viewer = CallerArguments.current().flatMap(caller -> accounts.find(caller.accountId())).map(Viewer::of).orElse(null);
        request.setAttribute(ME, viewer);
        return viewer;
    }
}
