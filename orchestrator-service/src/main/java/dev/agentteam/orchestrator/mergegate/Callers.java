package dev.agentteam.orchestrator.mergegate;

import dev.agentteam.orchestrator.security.Account;
import dev.agentteam.orchestrator.user.UserAccounts;
import dev.agentteam.orchestrator.user.UserView;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** The caller as stored now, not as when the session began: a role taken away counts at once. */
@Component
class Callers {

    private final UserAccounts accounts;

    Callers(UserAccounts accounts) {
        this.accounts = accounts;
    }

    UserView of(Authentication authentication) {
        long id = Account.userOf(authentication).map(UserView::id)
                .orElseThrow(() -> GateProblems.forbidden("Sign in as a person with the approver role."));
        return accounts.find(id).orElseThrow(() -> GateProblems.forbidden("Your user no longer exists."));
    }
}
