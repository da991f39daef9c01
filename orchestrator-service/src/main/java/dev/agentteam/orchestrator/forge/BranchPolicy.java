package dev.agentteam.orchestrator.forge;

import java.util.Collection;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.transport.PreReceiveHook;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.eclipse.jgit.transport.ReceivePack;

/** Refuses the ref updates of a push that the caller may not make (see {@link ForgeCaller#mayUpdateBranch}). */
final class BranchPolicy implements PreReceiveHook {

    private final ForgeCaller caller;

    BranchPolicy(ForgeCaller caller) {
        this.caller = caller;
    }

    @Override
    public void onPreReceive(ReceivePack receivePack, Collection<ReceiveCommand> commands) {
        for (ReceiveCommand command : commands) {
            String ref = command.getRefName();
            boolean allowed = caller == ForgeCaller.ADMIN
                    || ref.startsWith(Constants.R_HEADS) && caller.mayUpdateBranch(ref.substring(Constants.R_HEADS.length()));
            if (command.getResult() == ReceiveCommand.Result.NOT_ATTEMPTED && !allowed) {
                command.setResult(ReceiveCommand.Result.REJECTED_OTHER_REASON,
                        "agents may push only feature/* branches; " + ref
                                + " changes only through a merge approved by a person");
            }
        }
    }
}
