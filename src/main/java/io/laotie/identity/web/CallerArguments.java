package io.laotie.identity.web;

import io.laotie.identity.Caller;
import io.laotie.identity.ClientInfo;
import jakarta.servlet.http.HttpServletRequest;
import io.laotie.platform.Unauthenticated;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;
import java.util.Optional;

/**
 * Lets any controller take a {@link Caller} (signing in required), an {@code Optional<Caller>} (optional), or the
 * {@link ClientInfo} the request came from (address, user agent, device id from header or browser cookie).
 */
@Configuration(proxyBeanMethods = false)
class CallerArguments implements WebMvcConfigurer, HandlerMethodArgumentResolver {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class || parameter.getParameterType() == ClientInfo.class
                || isOptionalCaller(parameter);
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                  WebDataBinderFactory binders) {
        if (parameter.getParameterType() == ClientInfo.class) {
            return ClientInfos.of(request.getNativeRequest(HttpServletRequest.class));
        }
        Optional<Caller> caller = current();
        if (isOptionalCaller(parameter)) {
            return caller;
        }
        return caller.orElseThrow(() -> new Unauthenticated("Sign in or send a bearer token"));
    }

    static Optional<Caller> current() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Caller caller
                ? Optional.of(caller) : Optional.empty();
    }

    private static boolean isOptionalCaller(MethodParameter parameter) {
        return parameter.getParameterType() == Optional.class
                && ResolvableType.forMethodParameter(parameter).getGeneric(0).resolve() == Caller.class;
    }
}
