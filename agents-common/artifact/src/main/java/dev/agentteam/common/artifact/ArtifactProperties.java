package dev.agentteam.common.artifact;

import java.net.URI;
import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where artifacts go ({@code agentteam.artifacts.*}; the names infra/compose.yaml and docker-stack.yml set).
 *
 * @param type         {@code directory} or {@code s3}; unset: s3 when an endpoint is set, else directory
 * @param dir          the directory store's root ({@code AGENTTEAM_ARTIFACTS_DIR}); default {@code <tmp>/agent-team-artifacts}
 * @param endpoint     S3/MinIO endpoint, e.g. {@code http://minio:9000} ({@code AGENTTEAM_ARTIFACTS_ENDPOINT})
 * @param bucket       ({@code AGENTTEAM_ARTIFACTS_BUCKET})
 * @param accessKey    ({@code AGENTTEAM_ARTIFACTS_ACCESS_KEY}); never logged
 * @param secretKey    ({@code AGENTTEAM_ARTIFACTS_SECRET_KEY} or the Docker secret {@code agentteam.artifacts.secret-key}); never logged
 * @param region       sent with every S3 request; MinIO accepts any
 * @param createBucket create the bucket at start-up when it does not exist
 */
@ConfigurationProperties("agentteam.artifacts")
public record ArtifactProperties(Type type, Path dir, URI endpoint, @DefaultValue("agent-team-artifacts") String bucket,
                                 String accessKey, String secretKey, @DefaultValue("us-east-1") String region,
                                 @DefaultValue("true") boolean createBucket) {

    public enum Type { DIRECTORY, S3 }

    public ArtifactProperties {
        endpoint = endpoint == null || endpoint.toString().isBlank() ? null : endpoint;
        type = type != null ? type : endpoint != null ? Type.S3 : Type.DIRECTORY;
        dir = dir != null ? dir : Path.of(System.getProperty("java.io.tmpdir"), "agent-team-artifacts");
        accessKey = accessKey == null || accessKey.isBlank() ? null : accessKey;
        secretKey = secretKey == null || secretKey.isBlank() ? null : secretKey;
    }

    /** S3 settings for a test or a tool: everything else default. */
    public static ArtifactProperties s3(URI endpoint, String bucket, String accessKey, String secretKey) {
        return new ArtifactProperties(Type.S3, null, endpoint, bucket, accessKey, secretKey, "us-east-1", true);
    }

    @Override
    public String toString() {
        return "ArtifactProperties[type=" + type + ", dir=" + dir + ", endpoint=" + endpoint + ", bucket=" + bucket
                + ", region=" + region + ", accessKey=" + (accessKey == null ? "(none)" : "(set)") + ", secretKey="
                + (secretKey == null ? "(none)" : "(set)") + "]";
    }
}
