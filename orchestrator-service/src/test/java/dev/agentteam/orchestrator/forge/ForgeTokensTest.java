package dev.agentteam.orchestrator.forge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

class ForgeTokensTest {

    private final ForgeTokens tokens = new ForgeTokens(new ForgeProperties(null, List.of("agent-a", " agent-b ", ""),
            "the-admin", null, null, null, null));

    @Test
    void basicPasswordsAndBearerTokensIdentifyTheCaller() {
        assertThat(tokens.authenticate(basic("x-access-token", "agent-a"))).contains(ForgeCaller.AGENT);
        assertThat(tokens.authenticate(basic("anyone", "agent-b"))).contains(ForgeCaller.AGENT);
        assertThat(tokens.authenticate("Bearer agent-b")).contains(ForgeCaller.AGENT);
        assertThat(tokens.authenticate("bearer the-admin")).contains(ForgeCaller.ADMIN);
        assertThat(tokens.authenticate(basic("agent-a", "nope"))).isEmpty();
    }

    @Test
    void missingMalformedAndEmptyCredentialsAreRefused() {
        assertThat(tokens.authenticate(null)).isEmpty();
        assertThat(tokens.authenticate("")).isEmpty();
        assertThat(tokens.authenticate("Bearer ")).isEmpty();
        assertThat(tokens.authenticate("Basic %%%not-base64")).isEmpty();
        assertThat(tokens.authenticate("Basic " + Base64.getEncoder().encodeToString("no-colon".getBytes()))).isEmpty();
        assertThat(tokens.authenticate(basic("x", ""))).isEmpty();
        assertThat(tokens.authenticate("Digest agent-a")).isEmpty();
        assertThat(tokens.authenticate("Bearer agent-a-longer")).isEmpty();
    }

    @Test
    void withoutConfiguredTokensNobodyGetsIn() {
        ForgeTokens none = new ForgeTokens(new ForgeProperties(null, null, " ", null, null, null, null));

        assertThat(none.authenticate("Bearer anything")).isEmpty();
        assertThat(none.authenticate(basic("x", ""))).isEmpty();
    }

    @Test
    void agentsMayUpdateOnlyFeatureBranches() {
        assertThat(ForgeCaller.AGENT.mayUpdateBranch("feature/ISSUE-1")).isTrue();
        assertThat(ForgeCaller.AGENT.mayUpdateBranch("main")).isFalse();
        assertThat(ForgeCaller.AGENT.mayUpdateBranch("feature/")).isFalse();
        assertThat(ForgeCaller.AGENT.mayUpdateBranch("features/x")).isFalse();
        assertThat(ForgeCaller.ADMIN.mayUpdateBranch("main")).isTrue();
    }

    @Test
    void settingsNeverPrintTokens() {
        assertThat(new ForgeProperties(null, List.of("agent-a"), "the-admin", null, null, null, null).toString())
                .doesNotContain("agent-a", "the-admin");
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
