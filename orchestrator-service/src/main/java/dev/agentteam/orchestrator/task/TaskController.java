package dev.agentteam.orchestrator.task;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.agentteam.common.task.AgentRole;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Reading a task with its timeline, and handing it to another role or to a human. */
@RestController
@RequestMapping("/api/tasks")
class TaskController {

    private static final String ROLES = Arrays.stream(AgentRole.values()).map(AgentRole::key).collect(Collectors.joining(", "));

    private final TaskService tasks;

    TaskController(TaskService tasks) {
        this.tasks = tasks;
    }

    @GetMapping("/{id}")
    TaskResponse get(@PathVariable long id) {
        TaskView task = tasks.find(id).orElseThrow(() -> TaskProblems.notFound(id));
        return TaskResponse.of(task, tasks.timeline(id));
    }

    @PostMapping("/{id}/assign")
    TaskResponse assign(@PathVariable long id, @RequestBody(required = false) AssignRequest request) {
        Assignee assignee = toAssignee(request);
        TaskView task = tasks.assign(id, assignee);
        return TaskResponse.of(task, tasks.timeline(id));
    }

    private static Assignee toAssignee(AssignRequest request) {
        boolean hasAgent = request != null && request.agent() != null && !request.agent().isBlank();
        boolean hasUser = request != null && request.userId() != null;
        if (hasAgent == hasUser) {
            throw TaskProblems.badRequest("give exactly one of 'agent' (one of " + ROLES + ") or 'user_id'");
        }
        if (hasUser) {
            return Assignee.human(request.userId());
        }
        try {
            return Assignee.agent(AgentRole.fromKey(request.agent()));
        } catch (IllegalArgumentException e) {
            throw TaskProblems.badRequest("unknown agent role '" + request.agent() + "'; valid roles: " + ROLES);
        }
    }

    record AssignRequest(String agent, @JsonProperty("user_id") Long userId) {
    }
}
