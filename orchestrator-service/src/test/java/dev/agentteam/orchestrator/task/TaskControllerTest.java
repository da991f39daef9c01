package dev.agentteam.orchestrator.task;

import dev.agentteam.common.queue.ClaimedTask;
import dev.agentteam.common.task.AgentRole;
import dev.agentteam.common.task.RefinedStories;
import dev.agentteam.common.task.TaskResult;
import dev.agentteam.common.task.TaskState;
import dev.agentteam.common.task.TokenUsage;
import dev.agentteam.orchestrator.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import java.util.List;


import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class TaskControllerTest extends TaskIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    /** An approver's API token (assigning is a write). */
    String authorization;

    @BeforeEach
    void signIn() {
        authorization = new TestUsers(context).person("approver");
    }

    @Test
    void getShowsTheTaskInSnakeCaseWithItsTimeline() throws Exception {
        TaskView task = createTask(AgentRole.PO, "po.refine_epic");

        mvc.perform(get("/api/tasks/{id}", task.id()).header("Authorization", authorization))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(task.id()))
                .andExpect(jsonPath("$.assigned_to").value("po"))
                .andExpect(jsonPath("$.status").value("QUEUED"))
                .andExpect(jsonPath("$.attempt_count").value(0))
                .andExpect(jsonPath("$.payload.epic_title").value("Login with GitHub"))
                .andExpect(jsonPath("$.transitions", hasSize(2)))
                .andExpect(jsonPath("$.transitions[1].from").value("PENDING"))
                .andExpect(jsonPath("$.transitions[1].to").value("QUEUED"));
    }

    @Test
    void assignToAnAgentOrAUserAnswersWithTheTask() throws Exception {
        long userId = insertUser("Luis");
        TaskView task = createTask(AgentRole.DEV, "dev.implement_story");

        assign(task.id(), "{\"user_id\":" + userId + "}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.assigned_to").value("human:" + userId))
                .andExpect(jsonPath("$.status").value("PENDING"));
        assign(task.id(), "{\"agent\":\"qa\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.assigned_to").value("qa"))
                .andExpect(jsonPath("$.status").value("QUEUED"));
    }

    @Test
    void anUnknownTaskIsNotFound() throws Exception {
        expectProblem(mvc.perform(get("/api/tasks/{id}", 424242).header("Authorization", authorization)), 404, "no task with id 424242");
        expectProblem(assign(424242, "{\"agent\":\"dev\"}"), 404, "no task with id 424242");
    }

    @Test
    void anUnknownRoleIsABadRequestListingTheValidRoles() throws Exception {
        TaskView task = createTask(AgentRole.DEV, "dev.implement_story");
        expectProblem(assign(task.id(), "{\"agent\":\"tester\"}"), 400, "po, scrum, dev, qa, review, cicd");
    }

    @Test
    void bothOrNeitherAssigneeIsABadRequest() throws Exception {
        TaskView task = createTask(AgentRole.DEV, "dev.implement_story");
        expectProblem(assign(task.id(), "{\"agent\":\"dev\",\"user_id\":1}"), 400, "exactly one of");
        expectProblem(assign(task.id(), "{}"), 400, "exactly one of");
    }

    @Test
    void anUnknownUserIsNotFound() throws Exception {
        TaskView task = createTask(AgentRole.DEV, "dev.implement_story");
        expectProblem(assign(task.id(), "{\"user_id\":999999}"), 404, "no user with id 999999");
    }

    @Test
    void aFinalTaskIsAConflict() throws Exception {
        TaskView task = createTask(AgentRole.PO, "po.refine_epic");
        ClaimedTask claimed = claim(AgentRole.PO, "po-1");
        queue.complete(claimed, TaskResult.succeeded(claimed.task(), "po-1", new RefinedStories(List.of(), null), TokenUsage.NONE));
        awaitStatus(task.id(), TaskState.SUCCEEDED);

        expectProblem(assign(task.id(), "{\"agent\":\"dev\"}"), 409, "SUCCEEDED");
    }

    private ResultActions assign(long taskId, String body) throws Exception {
        return mvc.perform(post("/api/tasks/{id}/assign", taskId).header("Authorization", authorization).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static void expectProblem(ResultActions result, int status, String detail) throws Exception {
        result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.detail", containsString(detail)));
    }
}
