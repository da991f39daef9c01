package dev.agentteam.common.artifact;

import java.net.URI;
import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where artifacts go ({@code agentteam.artifacts.*}).
 *
 * @param type {@code directory} (default) or {@code s3}
 * @param dir  the directory store's root ({@code AGENTTEAM_ARTIFACTS_DIR}); default {@code <tmp>/agent-team-artifacts}
 * @param s3   the S3/MinIO store's endpoint, bucket and keys (keys from the environment only, never logged)
 */
@ConfigurationProperties("agentteam.artifacts")
public record ArtifactProperties(@DefaultValue("directory") Type type, Path dir, @DefaultValue S3 s3) {

    public enum Type { DIRECTORY, S3 }

    public ArtifactProperties {
        dir = dir != null ? dir : Path.of(System.getProperty("java.io.tmpdir"), "agent-team-artifacts");
    }

    /**
     * @param endpoint  e.g. {@code http://minio:9000}
     * @param region    sent with every request; MinIO accepts any
     * @param createBucket create the bucket at start-up when it does not exist
     */
    public record S3(URI endpoint, @DefaultValue("agent-team-artifacts") String bucket, String accessKey,
                     String secretKey, @DefaultValue("us-east-1") String region,
                     @DefaultValue("true") boolean createBucket) {

        @Override
        public String toString() {
            return "S3[endpoint=" + endpoint + ", bucket=" + bucket + ", region=" + region + ", accessKey="
                    + (accessKey == null ? "(none)" : "(set)") + ", secretKey=" + (secretKey == null ? "(none)" : "(set)") + "]";
        }
    }
}
