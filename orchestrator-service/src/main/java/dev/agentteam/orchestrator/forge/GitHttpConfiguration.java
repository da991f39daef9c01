package dev.agentteam.orchestrator.forge;

import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.http.server.GitServlet;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.UploadPack;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Git smart HTTP at {@code /git/<name>.git}, served by JGit's GitServlet, and the forge API at {@code /api/forge},
 * both behind the forge token filter.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ForgeProperties.class)
class GitHttpConfiguration {

    static final String PATH = "/git/*";
    /** The forge API the agents use (pull requests, comments, statuses) takes the same tokens. */
    static final String API_PATH = "/api/forge/*";

    @Bean
    FilterRegistrationBean<ForgeAuthenticationFilter> forgeGitAuthentication(ForgeTokens tokens,
            RepositoryCredentials credentials) {
        var registration = new FilterRegistrationBean<>(new ForgeAuthenticationFilter(tokens, credentials));
        registration.addUrlPatterns(PATH, API_PATH);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Bean
    ServletRegistrationBean<GitServlet> forgeGitServlet(ForgeStorage storage, ForgeProperties properties,
            ApplicationEventPublisher events) {
        GitServlet servlet = new GitServlet();
        servlet.setRepositoryResolver((HttpServletRequest request, String name) -> {
            String bare = name.endsWith(".git") ? name.substring(0, name.length() - 4) : "";
            return storage.open(bare).orElseThrow(() -> new RepositoryNotFoundException(name));
        });
        servlet.setUploadPackFactory((request, repository) -> new UploadPack(repository));
        long maxPush = properties.maxPushSize().toBytes();
        servlet.setReceivePackFactory((request, repository) -> receivePack(request, repository, maxPush, events));
        var registration = new ServletRegistrationBean<>(servlet, PATH);
        registration.setName("forgeGit");
        registration.setLoadOnStartup(1);
        return registration;
    }

    private static ReceivePack receivePack(HttpServletRequest request, Repository repository, long maxPush,
            ApplicationEventPublisher events) {
        ForgeCaller caller = (ForgeCaller) request.getAttribute(ForgeCaller.ATTRIBUTE);
        String name = repository.getDirectory().getName().replaceFirst("\\.git$", "");
        ReceivePack pack = new ReceivePack(repository);
        pack.setMaxPackSizeLimit(maxPush);
        pack.setPreReceiveHook(new BranchPolicy(caller == null ? ForgeCaller.AGENT : caller));
        pack.setPostReceiveHook((receivePack, commands) -> commands.stream()
                .filter(command -> command.getResult() == ReceiveCommand.Result.OK)
                .filter(command -> command.getRefName().startsWith(Constants.R_HEADS))
                .forEach(command -> events.publishEvent(new BranchPushed(name,
                        command.getRefName().substring(Constants.R_HEADS.length()),
                        command.getOldId().name(), command.getNewId().name(), caller))));
        return pack;
    }
}
