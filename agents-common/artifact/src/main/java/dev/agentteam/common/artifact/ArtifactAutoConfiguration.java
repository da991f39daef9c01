package dev.agentteam.common.artifact;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The {@link ArtifactStore} chosen by {@code agentteam.artifacts.type}: a directory (default) or S3/MinIO. */
@AutoConfiguration
@EnableConfigurationProperties(ArtifactProperties.class)
public class ArtifactAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ArtifactAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    ArtifactStore artifactStore(ArtifactProperties properties) {
        if (properties.type() == ArtifactProperties.Type.S3) {
            log.info("Artifacts go to S3 bucket {} at {}", properties.bucket(), properties.endpoint());
            return new S3ArtifactStore(properties);
        }
        log.info("Artifacts go to directory {}", properties.dir().toAbsolutePath());
        return new DirectoryArtifactStore(properties.dir());
    }
}
