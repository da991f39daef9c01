package dev.agentteam.orchestrator.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** How unreadable and invalid JSON bodies are explained, on a probe endpoint (MVC slice, no database). */
@WebMvcTest(controllers = ApiExceptionHandlerTest.ProbeController.class)
@Import({ApiExceptionHandlerTest.ProbeController.class, dev.agentteam.orchestrator.web.Markdown.class})
class ApiExceptionHandlerTest {

    @Autowired
    MockMvc mvc;

    @Test
    void aValidBodyPasses() throws Exception {
        send("{\"kind\": \"SMALL\", \"day\": \"2026-12-01\", \"line_items\": [{\"item_count\": 2}]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.line_items[0].item_count").value(2));
    }

    @Test
    void badEnumValuesListTheValidOnes() throws Exception {
        problem(send("{\"kind\": \"HUGE\", \"day\": \"2026-12-01\"}"), "'kind' must be one of [SMALL, LARGE], got 'HUGE'.");
    }

    @Test
    void nestedFieldsAreNamedWithTheirPath() throws Exception {
        problem(send("{\"kind\": \"SMALL\", \"day\": \"2026-12-01\", \"line_items\": [{\"item_count\": 1}, {\"item_count\": \"x\"}]}"),
                "'line_items[1].item_count' must be a number, got 'x'.");
        problem(send("{\"kind\": \"SMALL\", \"day\": \"2026-12-01\", \"line_items\": [{}]}"),
                "line_items[0].item_count: must not be null")
                .andExpect(jsonPath("$.errors[0].field").value("line_items[0].item_count"));
    }

    @Test
    void wrongShapesAreExplained() throws Exception {
        problem(send("[1, 2]"), "The request body must be a JSON object.");
        problem(send("{\"kind\": \"SMALL\", \"day\": \"2026-12-01\", \"urgent\": \"yes\"}"),
                "'urgent' must be true or false, got 'yes'.");
        problem(send("{\"kind\": \"SMALL\", \"day\": \"2026-13-45\"}"), "'day' must be a date (yyyy-MM-dd), got '2026-13-45'.");
        problem(send("{\"kind\": \"SMALL\", \"day\": \"2026-12-01\", \"line_items\": 5}"), "'line_items' must be an array.");
        problem(send("{\"kind\": "), "The request body is not valid JSON");
    }

    @Test
    void severalMissingFieldsAreAllReported() throws Exception {
        problem(send("{}"), "day: must not be null; kind: must not be null")
                .andExpect(jsonPath("$.errors.length()").value(2));
    }

    private ResultActions send(String body) throws Exception {
        return mvc.perform(post("/probe").contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static ResultActions problem(ResultActions result, String detail) throws Exception {
        return result.andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(detail)));
    }

    enum Kind { SMALL, LARGE }

    record LineItem(@NotNull Integer itemCount) {
    }

    record Probe(@NotNull Kind kind, @NotNull LocalDate day, Boolean urgent, List<@Valid LineItem> lineItems) {
    }

    @RestController
    static class ProbeController {

        @PostMapping("/probe")
        Probe probe(@Valid @RequestBody Probe probe) {
            return probe;
        }
    }
}
