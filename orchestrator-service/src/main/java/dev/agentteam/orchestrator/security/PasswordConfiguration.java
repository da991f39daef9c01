package dev.agentteam.orchestrator.security;

import dev.agentteam.orchestrator.user.UserAccounts;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Passwords and accounts, also without a web server (the admin bootstrap runs in every start): bcrypt, and the
 * users table as the source of password logins. Declaring the UserDetailsService also keeps Boot from creating its
 * default in-memory user.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
class PasswordConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    UserDetailsService accountDetailsService(UserAccounts accounts) {
        return new AccountDetailsService(accounts);
    }
}
