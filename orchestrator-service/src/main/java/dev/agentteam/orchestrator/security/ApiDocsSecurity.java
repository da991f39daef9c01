package dev.agentteam.orchestrator.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Declares the bearer API token in the OpenAPI document, so Swagger UI's "Authorize" sends it. */
@Configuration(proxyBeanMethods = false)
class ApiDocsSecurity {

    static final String SCHEME = "apiToken";

    @Bean
    OpenApiCustomizer bearerTokenScheme() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSecuritySchemes(SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                    .scheme("bearer").description("An API token (at_…) from /account/tokens or POST /api/tokens."));
            openApi.addSecurityItem(new SecurityRequirement().addList(SCHEME));
        };
    }
}
