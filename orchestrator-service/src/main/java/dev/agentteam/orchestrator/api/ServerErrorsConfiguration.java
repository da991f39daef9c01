package dev.agentteam.orchestrator.api;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * The places outside Spring MVC's exception handling where an API request can be refused, made to answer
 * problem+json: the security firewall (unknown methods, {@code ;}, {@code %25}, {@code %2F} …), Tomcat itself,
 * and the {@code /error} page that renders any {@code sendError}.
 */
// Only where there is a servlet web server and its error attributes: contexts without one (migrations, slices) skip it.
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ServerErrorsConfiguration {

    @Bean
    RequestRejectedHandler problemRequestRejectedHandler() {
        return (request, response, rejected) -> {
            if (ProblemResponses.isApi(request)) {
                ProblemResponses.write(response, 400, "The request was rejected: " + rejected.getMessage());
            } else {
                response.sendError(400);
            }
        };
    }

    @Bean
    BasicErrorController problemErrorController(ErrorAttributes errorAttributes, WebProperties web,
            ObjectProvider<ErrorViewResolver> resolvers) {
        return new ProblemErrorController(errorAttributes, web.getError(), resolvers.orderedStream().toList());
    }

    /** Replaces the host's error report valve (Spring Boot's or Tomcat's default) with the problem-aware one. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReportValve() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                host.getPipeline().addValve(new ProblemErrorReportValve());
            }
        });
    }
}
