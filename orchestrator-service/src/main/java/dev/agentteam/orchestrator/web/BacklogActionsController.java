package dev.agentteam.orchestrator.web;

import dev.agentteam.orchestrator.backlog.Stories;
import dev.agentteam.orchestrator.backlog.StoryView;
import dev.agentteam.orchestrator.devwork.DevDispatch;
import dev.agentteam.orchestrator.security.Account;
import dev.agentteam.orchestrator.sprint.RetroActions;
import dev.agentteam.orchestrator.sprint.SprintCommitment;
import dev.agentteam.orchestrator.user.UserView;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.function.Supplier;

/**
 * The backlog page's buttons: cancel a story, start work on it by hand, run a blocked story's Dev task again, commit
 * it to the active sprint, close a retro action.
 */
@Controller
class BacklogActionsController {

    private final Stories stories;
    private final DevDispatch dispatch;
    private final SprintCommitment sprints;
    private final RetroActions retroActions;

    BacklogActionsController(Stories stories, DevDispatch dispatch, SprintCommitment sprints, RetroActions retroActions) {
        this.stories = stories;
        this.dispatch = dispatch;
        this.sprints = sprints;
        this.retroActions = retroActions;
    }

    @PostMapping("/stories/{id}/cancel")
    String cancel(@PathVariable("id") long id, Authentication caller, RedirectAttributes redirect) {
        StoryView story = existing(id);
        return act(redirect, story, () -> {
            stories.cancel(id, BacklogPageController.person(caller, "cancelled"));
            return "Story #" + id + " \"" + story.title() + "\" is CANCELLED.";
        });
    }

    @PostMapping("/stories/{id}/start")
    String start(@PathVariable("id") long id, Authentication caller, RedirectAttributes redirect) {
        StoryView story = existing(id);
        return act(redirect, story, () -> "Story #" + id + " \"" + story.title() + "\" went to the Dev agent as task #"
                + dispatch.start(id, BacklogPageController.person(caller, "started work by hand")).id() + ".");
    }

    @PostMapping("/stories/{id}/retry")
    String retry(@PathVariable("id") long id, Authentication caller, RedirectAttributes redirect) {
        StoryView story = existing(id);
        return act(redirect, story, () -> "Story #" + id + " \"" + story.title() + "\": its Dev task #"
                + dispatch.retry(id, BacklogPageController.person(caller, "ran its Dev task again")).id() + " runs again.");
    }

    @PostMapping("/stories/{id}/commit")
    String commit(@PathVariable("id") long id, @RequestParam("sprint") long sprintId, RedirectAttributes redirect) {
        StoryView story = existing(id);
        return act(redirect, story, () -> {
            sprints.commit(sprintId, List.of(id));
            return "Story #" + id + " \"" + story.title() + "\" is committed to sprint #" + sprintId + ".";
        });
    }

    @PostMapping("/backlog/retro-actions/{id}/close")
    String closeRetroAction(@PathVariable("id") long id, @RequestParam("status") String status, Authentication caller,
                            RedirectAttributes redirect) {
        try {
            retroActions.close(id, status, Account.userOf(caller).map(UserView::id).orElse(null));
            redirect.addFlashAttribute("notice", "Retro action #" + id + " is " + status + ".");
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("problem", e.getBody().getDetail());
        }
        return "redirect:/backlog#retro-actions";
    }

    private StoryView existing(long id) {
        return stories.find(List.of(id)).stream().findFirst().orElseThrow(() -> new PageNotFoundException("story", id));
    }

    private static String act(RedirectAttributes redirect, StoryView story, Supplier<String> action) {
        try {
            redirect.addFlashAttribute("notice", action.get());
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("problem", e.getBody().getDetail());
        }
        return "redirect:/backlog#epic-" + story.epicId();
    }
}
