package io.laotie.identity.web;

import io.laotie.identity.Caller;
import io.laotie.identity.ClientInfo;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Optional;

/** The OpenAPI document: bearer tokens as the security scheme, and the resolved {@link Caller} kept out of parameters. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class, ClientInfo.class, Optional.class);
    }

    @Bean
    OpenAPI laotieOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Laotie API").version("1")
                        .description("Trust-first live commerce. Ids are strings, money is integer fen (CNY), errors are RFC 9457 problem details."))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").description("Token from POST /api/auth/tokens")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
