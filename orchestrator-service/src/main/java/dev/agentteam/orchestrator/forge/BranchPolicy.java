package dev.agentteam.orchestrator.forge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.transport.PreReceiveHook;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.eclipse.jgit.transport.ReceivePack;

/**
 * Refuses the ref updates of a push that the caller may not make. The repository's default branch (where
 * {@code HEAD} points) is protected from every token, the admin token included: it changes only through a merge
 * a person approved in the merge gate. Agents may push only {@code feature/*} ({@link ForgeCaller#mayUpdateBranch}).
 */
final class BranchPolicy implements PreReceiveHook {

    private final ForgeCaller caller;

    BranchPolicy(ForgeCaller caller) {
        this.caller = caller;
    }

    @Override
    public void onPreReceive(ReceivePack receivePack, Collection<ReceiveCommand> commands) {
        String protectedRef = defaultBranchRef(receivePack);
        for (ReceiveCommand command : commands) {
            if (command.getResult() != ReceiveCommand.Result.NOT_ATTEMPTED) {
                continue;
            }
            String ref = command.getRefName();
            if (ref.equals(protectedRef)) {
                command.setResult(ReceiveCommand.Result.REJECTED_OTHER_REASON, ref + " is protected: it changes only "
                        + "through a merge a person approved (no token may push to it)");
            } else if (!(caller == ForgeCaller.ADMIN || ref.startsWith(Constants.R_HEADS)
                    && caller.mayUpdateBranch(ref.substring(Constants.R_HEADS.length())))) {
                command.setResult(ReceiveCommand.Result.REJECTED_OTHER_REASON,
                        "agents may push only feature/* branches; " + ref
                                + " changes only through a merge approved by a person");
            }
        }
    }

    private static String defaultBranchRef(ReceivePack receivePack) {
        try {
            return receivePack.getRepository().getFullBranch();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read HEAD of " + receivePack.getRepository().getDirectory(), e);
        }
    }
}
