package dev.agentteam.orchestrator.web;

import dev.agentteam.orchestrator.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.assertj.core.api.Assertions.assertThat;

/** The UI's error paths: readable HTML pages and forms, never a stack trace; the API keeps problem+json. */
class WebErrorPathsTest extends IntegrationTest {

    @Autowired
    WebApplicationContext context;

    MockMvc mvc;

    @BeforeEach
    void mockMvc() {
        // The pages read the signed-in person from the request (e.g. the owner of a new epic): user 1, the admin.
        UserDetails admin = context.getBean(UserDetailsService.class).loadUserByUsername("admin");
        mvc = MockMvcBuilders.webAppContextSetup(context).defaultRequest(get("/")
                .principal(UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()))).build();
    }

    @Test
    void unknownIdsArePagesNotProblems() throws Exception {
        for (String path : new String[] {"/tasks/424242", "/stories/424242", "/sprints/424242", "/metrics?sprint_id=424242"}) {
            mvc.perform(get(path).accept(MediaType.TEXT_HTML))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                    .andExpect(content().string(containsString("with id 424242.")));
        }
    }

    @Test
    void anIdThatIsNotANumberIsANotFoundPage() throws Exception {
        mvc.perform(get("/tasks/abc").accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("&#39;abc&#39; is not a valid id; ids are whole numbers.")))
                .andExpect(content().string(not(containsString("Exception"))));
    }

    @Test
    void theApiStillAnswersProblemJson() throws Exception {
        mvc.perform(get("/api/tasks/424242"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void anUnknownRepositoryComesBackOnTheFormWithTheReason() throws Exception {
        mvc.perform(post("/backlog/epics").param("title", "Exports").param("description", "").param("repositoryId", "999"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("repository_id 999 is not a known repository.")))
                .andExpect(content().string(containsString("value=\"Exports\"")));
        assertThat(jdbc.queryForObject("select count(*) from epics", Long.class)).isZero();
    }

    @Test
    void theOwnerOfAnEpicFromTheFormIsTheSignedInPersonWhateverTheFormClaims() throws Exception {
        long other = seedUser("someone else");
        mvc.perform(post("/backlog/epics").param("title", "Exports").param("ownerId", String.valueOf(other)))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select created_by from epics", Long.class)).isEqualTo(1L);
    }

    @Test
    void formValuesOfTheWrongTypeAreExplained() throws Exception {
        // The repository field (the one given a wrong type below) is on the form only when a repository exists.
        jdbc.update("insert into repositories (name, forge, full_name, test_command) "
                + "values ('typed-form', 'github', 'acme/typed-form', 'true') on conflict do nothing");
        mvc.perform(post("/backlog/epics").param("title", "Exports").param("repositoryId", "admin"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Choose one of the listed values.")));
        mvc.perform(post("/sprints").param("start", "yesterday").param("end", "2026-12-01").param("capacityPoints", "-3"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter a date (YYYY-MM-DD).")))
                .andExpect(content().string(containsString("Capacity is a positive number of points.")));
        mvc.perform(post("/sprints").param("start", "2026-12-01").param("end", "2026-12-14"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Tick the stories to plan, or give a capacity and the planner picks them.")));
        mvc.perform(post("/backlog/epics").param("title", "x".repeat(201)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Keep the title under 200 characters.")));
        assertThat(jdbc.queryForObject("select count(*) from epics", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from sprints", Long.class)).isZero();
        jdbc.update("delete from repositories where name = 'typed-form'");
    }

    @Test
    void requeueingATaskThatIsNotDeadExplainsWhy() throws Exception {
        long task = jdbc.queryForObject("insert into tasks (type, assigned_to, status, trace_id) values ('dev.implement_story', 'dev', 'QUEUED', 't') returning id", Long.class);

        mvc.perform(post("/agents/dead-letters/" + task + "/requeue"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("task " + task + " is QUEUED, only a DEAD task can be re-queued")));
        mvc.perform(post("/agents/dead-letters/424242/requeue"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("There is no task with id 424242.")));
    }
}
