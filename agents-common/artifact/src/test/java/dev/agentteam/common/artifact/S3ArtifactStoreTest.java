package dev.agentteam.common.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The S3 store against a real S3 API server (S3Proxy, in memory, signed requests) in this JVM. */
class S3ArtifactStoreTest extends ArtifactStoreContractTest {

    private static final String ACCESS = "test-access-key";
    private static final String SECRET = "test-secret-key-0123456789";

    private static S3Proxy server;
    private static URI endpoint;

    @BeforeAll
    static void startServer() throws Exception {
        server = S3Proxy.builder().blobStore(new TransientNio2BlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS, SECRET)
                .build();
        server.start();
        for (int i = 0; i < 500 && !"STARTED".equals(server.getState()); i++) {
            Thread.sleep(10);
        }
        endpoint = URI.create("http://127.0.0.1:" + server.getPort());
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.stop();
    }

    @Override
    protected ArtifactStore store() {
        return new S3ArtifactStore(ArtifactProperties.s3(endpoint, "artifacts", ACCESS, SECRET));
    }

    @Test
    void wrongCredentialsAreAClearErrorWithoutTheSecret() {
        assertThatThrownBy(() -> new S3ArtifactStore(
                ArtifactProperties.s3(endpoint, "artifacts", ACCESS, "wrong-secret-value")))
                .isInstanceOf(ArtifactStoreException.class)
                .hasMessageContaining("bucket artifacts")
                .hasMessageNotContaining("wrong-secret-value");
    }

    @Test
    void settingsNeverPrintTheKeys() {
        assertThat(ArtifactProperties.s3(endpoint, "b", ACCESS, SECRET).toString())
                .doesNotContain(ACCESS).doesNotContain(SECRET);
    }
}
