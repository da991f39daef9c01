package dev.agentteam.common.artifact;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.MinioException;
import io.minio.messages.Item;

/** Artifacts as objects in one bucket of an S3 API (MinIO in the stack, any S3 elsewhere), through minio-java. */
public class S3ArtifactStore implements ArtifactStore {

    private final MinioClient client;
    private final String bucket;

    public S3ArtifactStore(ArtifactProperties settings) {
        if (settings.endpoint() == null) {
            throw new IllegalArgumentException("agentteam.artifacts.endpoint (AGENTTEAM_ARTIFACTS_ENDPOINT) is required when agentteam.artifacts.type=s3");
        }
        if (settings.accessKey() == null || settings.secretKey() == null) {
            throw new IllegalArgumentException("agentteam.artifacts.access-key and secret-key are required "
                    + "(AGENTTEAM_ARTIFACTS_ACCESS_KEY, AGENTTEAM_ARTIFACTS_SECRET_KEY)");
        }
        this.client = MinioClient.builder().endpoint(settings.endpoint().toString())
                .credentials(settings.accessKey(), settings.secretKey()).region(settings.region()).build();
        this.bucket = settings.bucket();
        if (settings.createBucket()) {
            createBucketIfMissing();
        }
    }

    @Override
    public StoredArtifact put(String key, byte[] content, String contentType) {
        ArtifactKey.check(key);
        String type = ArtifactKey.contentType(contentType);
        call("store " + key, () -> client.putObject(PutObjectArgs.builder().bucket(bucket).object(key)
                .stream(new ByteArrayInputStream(content), content.length, -1).contentType(type).build()));
        return new StoredArtifact(key, type, content.length);
    }

    @Override
    public Optional<Artifact> get(String key) {
        ArtifactKey.check(key);
        try (GetObjectResponse response = client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build())) {
            String type = response.headers().get("Content-Type");
            return Optional.of(new Artifact(key, type == null ? "application/octet-stream" : type, response.readAllBytes()));
        } catch (ErrorResponseException e) {
            if (isMissing(e)) {
                return Optional.empty();
            }
            throw failure("read " + key, e);
        } catch (MinioException | IOException | GeneralSecurityException e) {
            throw failure("read " + key, e);
        }
    }

    @Override
    public List<StoredArtifact> list(String prefix) {
        String checked = ArtifactKey.checkPrefix(prefix);
        List<StoredArtifact> found = new ArrayList<>();
        for (Result<Item> result : client.listObjects(ListObjectsArgs.builder().bucket(bucket).prefix(checked)
                .recursive(true).build())) {
            Item item = call("list " + checked, result::get);
            if (!item.isDir()) {
                String type = call("inspect " + item.objectName(), () -> client.statObject(
                        StatObjectArgs.builder().bucket(bucket).object(item.objectName()).build()).contentType());
                found.add(new StoredArtifact(item.objectName(), type, item.size()));
            }
        }
        found.sort(Comparator.comparing(StoredArtifact::key));
        return found;
    }

    private void createBucketIfMissing() {
        call("create bucket " + bucket, () -> {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
            }
            return null;
        });
    }

    private static boolean isMissing(ErrorResponseException e) {
        String code = e.errorResponse() == null ? "" : e.errorResponse().code();
        return "NoSuchKey".equals(code) || "NoSuchObject".equals(code);
    }

    private <T> T call(String what, S3Call<T> call) {
        try {
            return call.run();
        } catch (MinioException | IOException | GeneralSecurityException e) {
            throw failure(what, e);
        }
    }

    private ArtifactStoreException failure(String what, Exception e) {
        return new ArtifactStoreException("S3 artifact store could not " + what + " in bucket " + bucket + ": "
                + e.getMessage(), e);
    }

    @FunctionalInterface
    private interface S3Call<T> {
        T run() throws MinioException, IOException, GeneralSecurityException;
    }
}
