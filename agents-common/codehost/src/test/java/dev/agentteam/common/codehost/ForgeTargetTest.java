package dev.agentteam.common.codehost;

import dev.agentteam.common.task.RepositoryTarget;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where a task payload's repository lives: one reading for every agent. */
class ForgeTargetTest {

    @Test
    void aPayloadRepositoryWithoutForgeIsOnTheEmbeddedForge() {
        ForgeTarget target = ForgeTarget.of(repository(null));

        assertThat(target).isEqualTo(new ForgeTarget("embedded", "acme/shop", "http://forge/git/shop.git"));
        assertThat(target.embedded()).isTrue();
        assertThat(ForgeTarget.of(repository(" GitHub ")).forge()).isEqualTo("github");
    }

    @Test
    void anUnknownForgeOrAMissingNameIsRefused() {
        assertThatThrownBy(() -> ForgeTarget.of(repository("gitlab"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown forge 'gitlab': expected embedded or github");
        assertThatThrownBy(() -> ForgeTarget.of(new RepositoryTarget(1L, "shop", "http://x", null, null, null, "make")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a repository needs full_name and clone_url");
    }

    private static RepositoryTarget repository(String forge) {
        return new RepositoryTarget(1L, "shop", "http://forge/git/shop.git", forge, "acme/shop", "main", "make test");
    }
}
