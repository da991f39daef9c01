package dev.agentteam.orchestrator.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springdoc.core.customizers.OpenApiCustomizer;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.module.SimpleModule;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiProperties.class)
class ApiConfiguration {

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(ApiProperties properties) {
        var registration = new FilterRegistrationBean<>(new RequestSizeLimitFilter(properties.maxRequestBody()));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /**
     * springdoc describes schemas with swagger-core's own (Jackson 2) mapper, which does not see Spring's
     * {@code spring.jackson.property-naming-strategy}; without this the docs would show camelCase fields.
     */
    @Bean
    ModelResolver snakeCaseModelResolver() {
        return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }

    @Bean
    OpenApiCustomizer problemResponses() {
        return new ApiDocsCustomizer();
    }

    /** Request bodies: no boolean where a string belongs, no NUL or unpaired surrogate in any string. */
    @Bean
    JacksonModule strictStrings() {
        return new SimpleModule("strict-strings").addDeserializer(String.class, new StrictStringDeserializer());
    }

    @Bean
    OpenAPI agentTeamOpenApi() {
        return new OpenAPI().info(new Info()
                .title("agent-team orchestrator API")
                .version("v1")
                .description("Epics, backlog, sprints, tasks and metrics. JSON fields are snake_case; every "
                        + "error is application/problem+json. Unknown ids in the path answer 404; unknown ids "
                        + "referenced from a request body answer 422."));
    }
}
