package dev.agentteam.orchestrator.forge;

import java.util.Collection;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.transport.PreReceiveHook;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.eclipse.jgit.transport.ReceivePack;

/**
 * Agents may push only {@code feature/*} branches: the default branch (and every other ref) changes only through
 * the merge a person approves. The admin token is not restricted.
 */
final class BranchPolicy implements PreReceiveHook {

    static final String AGENT_PREFIX = Constants.R_HEADS + "feature/";

    private final ForgeCaller caller;

    BranchPolicy(ForgeCaller caller) {
        this.caller = caller;
    }

    static boolean agentMayUpdate(String refName) {
        return refName.startsWith(AGENT_PREFIX) && refName.length() > AGENT_PREFIX.length();
    }

    @Override
    public void onPreReceive(ReceivePack receivePack, Collection<ReceiveCommand> commands) {
        if (caller == ForgeCaller.ADMIN) {
            return;
        }
        for (ReceiveCommand command : commands) {
            if (command.getResult() == ReceiveCommand.Result.NOT_ATTEMPTED && !agentMayUpdate(command.getRefName())) {
                command.setResult(ReceiveCommand.Result.REJECTED_OTHER_REASON,
                        "agents may push only feature/* branches; " + command.getRefName()
                                + " changes only through a merge approved by a person");
            }
        }
    }
}
