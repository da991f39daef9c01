package dev.agentteam.common.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ArtifactAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ArtifactAutoConfiguration.class));

    @TempDir
    Path dir;

    @Test
    void aDirectoryByDefault() {
        runner.withPropertyValues("agentteam.artifacts.dir=" + dir).run(context -> {
            ArtifactStore store = context.getBean(ArtifactStore.class);
            assertThat(store).isInstanceOf(DirectoryArtifactStore.class);
            store.put("a.txt", new byte[] {1}, "text/plain");
            assertThat(dir.resolve("objects/a.txt")).exists();
        });
    }

    @Test
    void s3WhenAnEndpointIsSetAsTheStackFilesDo() {
        runner.withPropertyValues("agentteam.artifacts.endpoint=http://127.0.0.1:1", "agentteam.artifacts.access-key=k",
                "agentteam.artifacts.secret-key=s", "agentteam.artifacts.create-bucket=false")
                .run(context -> assertThat(context.getBean(ArtifactStore.class)).isInstanceOf(S3ArtifactStore.class));
    }

    @Test
    void s3WithoutKeysIsAClearStartupError() {
        runner.withPropertyValues("agentteam.artifacts.type=s3", "agentteam.artifacts.endpoint=http://127.0.0.1:1")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("AGENTTEAM_ARTIFACTS_ACCESS_KEY"));
    }
}
