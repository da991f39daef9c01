package dev.agentteam.common.llm;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.agentteam.common.task.AgentRole;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local server speaking OpenAI's chat-completions wire format that replays {@link Scenario}s, so suites run through
 * the real {@code openai} provider code (HTTP client, retries, JSON mapping, tool calls) instead of the in-process
 * scripted model. {@code POST /v1/chat/completions} answers for the default role, {@code POST /<role>/v1/chat/completions}
 * for that role. A step with {@code fail} answers its status that many times first (per conversation), with
 * Retry-After when set. Every request body is kept for assertions ({@link #requests()}).
 */
public final class ScenarioReplayServer implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ScenarioLibrary library;
    private final AgentRole defaultRole;
    private final String apiKey;
    private final HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> failuresServed = new ConcurrentHashMap<>();

    private ScenarioReplayServer(ScenarioLibrary library, AgentRole defaultRole, String apiKey, int port) throws IOException {
        this.library = library;
        this.defaultRole = defaultRole;
        this.apiKey = apiKey;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "scenario-replay");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    /**
     * @param port   0 for any free port
     * @param apiKey when set, requests without {@code Authorization: Bearer <apiKey>} get 401 (as a real endpoint would)
     */
    public static ScenarioReplayServer start(ScenarioLibrary library, AgentRole defaultRole, String apiKey, int port) {
        try {
            return new ScenarioReplayServer(library, defaultRole, apiKey, port);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the scenario replay server on port " + port + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs the server until killed: {@code --port 8099 --scenarios classpath:prompts/scenarios --role dev}, and
     * {@code --api-key KEY} to demand that key (scripts/replay-model.sh starts it from the dev agent's jar).
     */
    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options = new java.util.HashMap<>(Map.of("--port", "8099", "--scenarios",
                "classpath:prompts/scenarios", "--role", "dev"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        ScenarioReplayServer server = start(ScenarioLibrary.load(options.get("--scenarios")),
                AgentRole.fromKey(options.get("--role")), options.get("--api-key"), Integer.parseInt(options.get("--port")));
        System.out.println("scenario replay server (OpenAI chat completions) at " + server.baseUrl()
                + "; per role: http://127.0.0.1:" + server.port() + "/<role>/v1");
        Thread.currentThread().join();
    }

    /** The base URL for {@code agentteam.llm.base-url}: the default role's. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/v1";
    }

    /** The base URL for {@code agentteam.llm.roles.<role>.base-url}. */
    public String baseUrl(AgentRole role) {
        return "http://127.0.0.1:" + port() + "/" + role.key() + "/v1";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The raw JSON bodies of every chat-completions request so far, in order. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!"POST".equals(exchange.getRequestMethod()) || !path.endsWith("/v1/chat/completions")) {
                send(exchange, 404, OpenAiWire.error("not found: " + exchange.getRequestMethod() + " " + path, "not_found"), null);
                return;
            }
            if (apiKey != null && !("Bearer " + apiKey).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                send(exchange, 401, OpenAiWire.error("invalid API key", "invalid_api_key"), null);
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(body);
            AgentRole role = roleOf(path);
            JsonNode request = JSON.readTree(body);
            if (request.path("stream").asBoolean(false)) {
                send(exchange, 400, OpenAiWire.error("streaming is not replayed; use the non-streaming API", "invalid_request_error"), null);
                return;
            }
            answer(exchange, role, request, body.length());
        } catch (RuntimeException e) {
            send(exchange, 400, OpenAiWire.error("replay failed: " + e.getMessage(), "invalid_request_error"), null);
        }
    }

    private void answer(HttpExchange exchange, AgentRole role, JsonNode request, int requestChars) throws IOException {
        JsonNode messages = request.path("messages");
        String taskText = "";
        int step = 0;
        for (JsonNode m : messages) {
            String r = m.path("role").asString("");
            if ("assistant".equals(r)) {
                step++;
            } else if ("user".equals(r) && taskText.isEmpty()) {
                taskText = text(m.path("content"));
            }
        }
        Scenario scenario = library.select(role, taskText);
        if (step >= scenario.responses().size()) {
            send(exchange, 400, OpenAiWire.error("scripted scenario '" + scenario.name() + "' has " + scenario.responses().size()
                    + " response(s); call " + (step + 1) + " has no script", "invalid_request_error"), null);
            return;
        }
        Scenario.Step s = scenario.responses().get(step);
        Scenario.Failure failure = s.failure();
        if (failure != null) {
            String key = scenario.name() + "#" + step + "#" + taskText.hashCode();
            if (failuresServed.computeIfAbsent(key, k -> new AtomicInteger()).getAndIncrement() < failure.times()) {
                send(exchange, failure.status(), OpenAiWire.error("replayed failure " + failure.status() + " of scenario '"
                        + scenario.name() + "'", failure.status() == 429 ? "rate_limit_exceeded" : "server_error"), failure.retryAfter());
                return;
            }
        }
        send(exchange, 200, OpenAiWire.completion(scenario, step, s, request.path("model").asString("replay"), requestChars), null);
    }

    private AgentRole roleOf(String path) {
        String[] parts = path.split("/");
        // "", "<role>", "v1", "chat", "completions"
        return parts.length == 5 ? AgentRole.fromKey(parts[1]) : defaultRole;
    }

    private static String text(JsonNode content) {
        if (content.isString()) {
            return content.asString();
        }
        StringBuilder out = new StringBuilder();
        for (JsonNode part : content) {
            out.append(part.path("text").asString(""));
        }
        return out.toString();
    }

    private static void send(HttpExchange exchange, int status, String body, String retryAfter) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (retryAfter != null) {
            exchange.getResponseHeaders().set("Retry-After", retryAfter);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
