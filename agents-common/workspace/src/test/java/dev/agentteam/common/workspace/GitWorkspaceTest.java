package dev.agentteam.common.workspace;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentteam.common.task.ClassifiedFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.github.tomakehurst.wiremock.WireMockServer;

/** Against real bare repositories on disk (file://); the HTTP case against WireMock to see the credentials. */
class GitWorkspaceTest {

    @TempDir
    Path temp;

    private Path bare;
    private Repository remoteRepo;
    private GitWorkspaces workspaces;
    private RemoteRepository remote;

    @BeforeEach
    void createRemote() throws Exception {
        bare = temp.resolve("remote.git");
        remoteRepo = Git.init().setBare(true).setInitialBranch("main").setDirectory(bare.toFile()).call().getRepository();
        seedCommit("main", "README.md", "# Demo\n");
        workspaces = new GitWorkspaces(new WorkspaceProperties(temp.resolve("work"), null, null, null, null, null, 0, 0));
        remote = RemoteRepository.anonymous(bare.toUri().toString());
    }

    @AfterEach
    void closeRemote() {
        remoteRepo.close();
    }

    @Test
    void clonesBranchesCommitsAndPushesAsTheAgent() throws Exception {
        ObjectId mainHead = remoteRepo.resolve("refs/heads/main");
        try (GitWorkspace workspace = workspaces.open(1, remote)) {
            assertThat(workspace.defaultBranch()).isEqualTo("main");
            assertThat(workspace.checkoutStoryBranch(42)).isEqualTo("feature/ISSUE-42");
            workspace.files().write("src/Greeting.java", "class Greeting {}\n");

            String sha = workspace.commitAll(42, "Add greeting\nwith details").orElseThrow();
            String pushed = workspace.push();

            assertThat(pushed).isEqualTo(sha).isEqualTo(workspace.headSha());
            assertThat(remoteRepo.resolve("refs/heads/feature/ISSUE-42").getName()).isEqualTo(sha);
            RevCommit commit = commit(sha);
            assertThat(commit.getFullMessage()).isEqualTo("[ISSUE-42] Add greeting with details");
            assertThat(commit.getAuthorIdent().getName()).isEqualTo("agent-team dev agent");
            assertThat(commit.getAuthorIdent().getEmailAddress()).isEqualTo("dev-agent@agent-team.local");
            assertThat(commit.getParent(0).getId()).isEqualTo(mainHead);
            assertThat(fileAt(sha, "src/Greeting.java")).isTrue();
            assertThat(remoteRepo.resolve("refs/heads/main")).as("main untouched").isEqualTo(mainHead);
        }
    }

    @Test
    void nothingToCommitGivesEmptyAndDeletionsAreCommitted() {
        try (GitWorkspace workspace = workspaces.open(2, remote)) {
            workspace.checkoutStoryBranch(7);
            assertThat(workspace.commitAll(7, "nothing")).isEmpty();

            workspace.directory().resolve("README.md").toFile().delete();
            String sha = workspace.commitAll(7, "Remove readme").orElseThrow();
            workspace.push();

            assertThat(fileAt(sha, "README.md")).isFalse();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aRerunReusesTheExistingRemoteBranch() throws Exception {
        String first;
        try (GitWorkspace workspace = workspaces.open(3, remote)) {
            workspace.checkoutStoryBranch(9);
            workspace.files().write("one.txt", "1");
            first = workspace.commitAll(9, "First try").orElseThrow();
            workspace.push();
        }
        assertThat(temp.resolve("work/task-3")).as("closing deletes the checkout").doesNotExist();

        try (GitWorkspace again = workspaces.open(4, remote)) {
            again.checkoutStoryBranch(9);
            assertThat(again.headSha()).isEqualTo(first);
            assertThat(again.files().read("one.txt")).isEqualTo("1");
            again.files().write("two.txt", "2");
            String second = again.commitAll(9, "Second try").orElseThrow();
            again.push();

            assertThat(remoteRepo.resolve("refs/heads/feature/ISSUE-9").getName()).isEqualTo(second);
            assertThat(commit(second).getParent(0).getName()).isEqualTo(first);
        }
    }

    @Test
    void reopeningALeftoverDirectoryFetchesAndDiscardsStaleChanges() throws Exception {
        GitWorkspace crashed = workspaces.open(5, remote);
        crashed.checkoutStoryBranch(11);
        crashed.files().write("half-done.txt", "stale");
        String newMain = seedCommit("main", "CHANGELOG.md", "news\n");

        try (GitWorkspace reopened = workspaces.open(5, remote)) {
            reopened.checkoutStoryBranch(11);

            assertThat(reopened.headSha()).isEqualTo(newMain);
            assertThat(reopened.directory().resolve("half-done.txt")).doesNotExist();
            assertThat(reopened.directory().resolve("CHANGELOG.md")).exists();
        } finally {
            crashed.close();
        }
    }

    @Test
    void pushNeverOverwritesSomeoneElsesCommits() throws Exception {
        try (GitWorkspace a = workspaces.open(6, remote); GitWorkspace b = workspaces.open(7, remote)) {
            a.checkoutStoryBranch(13);
            b.checkoutStoryBranch(13);
            a.files().write("a.txt", "a");
            String fromA = a.commitAll(13, "A").orElseThrow();
            a.push();
            b.files().write("b.txt", "b");
            b.commitAll(13, "B");

            // retryable: the next attempt starts from a fresh clone of the new head
            assertThatThrownBy(b::push).isInstanceOf(WorkspaceException.class).hasMessageContaining("REJECTED_NONFASTFORWARD")
                    .satisfies(e -> assertThat(((ClassifiedFailure) e).retryable()).isTrue());
            assertThat(remoteRepo.resolve("refs/heads/feature/ISSUE-13").getName()).isEqualTo(fromA);
        }
    }

    @Test
    void findsANonMainDefaultBranch() throws Exception {
        Path trunkBare = temp.resolve("trunk.git");
        try (Git trunk = Git.init().setBare(true).setInitialBranch("trunk").setDirectory(trunkBare.toFile()).call()) {
            remoteRepo.close();
            remoteRepo = trunk.getRepository();
            seedCommit("trunk", "a.txt", "a");
        }
        try (GitWorkspace workspace = workspaces.open(8, RemoteRepository.anonymous(trunkBare.toUri().toString()))) {
            assertThat(workspace.defaultBranch()).isEqualTo("trunk");
            workspace.checkoutStoryBranch(1);
            assertThat(workspace.files().read("a.txt")).isEqualTo("a");
        }
    }

    @Test
    void sendsTheTokenAsHttpBasicAndNeverShowsIt() {
        WireMockServer server = new WireMockServer(options().dynamicPort());
        server.start();
        try {
            server.stubFor(get(urlPathEqualTo("/org/repo.git/info/refs")).withHeader("Authorization", absent())
                    .willReturn(aResponse().withStatus(401).withHeader("WWW-Authenticate", "Basic realm=\"git\"")));
            server.stubFor(get(urlPathEqualTo("/org/repo.git/info/refs")).withHeader("Authorization", equalTo(basic()))
                    .willReturn(aResponse().withStatus(403).withBody("forbidden")));
            RemoteRepository secured = new RemoteRepository(server.baseUrl() + "/org/repo.git", "ghs_secretToken123");

            assertThatThrownBy(() -> workspaces.open(9, secured))
                    .isInstanceOf(WorkspaceException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("ghs_secretToken123"));
            server.verify(getRequestedFor(urlPathEqualTo("/org/repo.git/info/refs"))
                    .withHeader("Authorization", equalTo(basic())));
            assertThat(secured.toString()).doesNotContain("ghs_secretToken123");
            assertThat(temp.resolve("work/task-9")).doesNotExist();
        } finally {
            server.stop();
        }
    }

    @Test
    void refusesCredentialsInTheUrl() {
        assertThatThrownBy(() -> RemoteRepository.anonymous("https://user:pw@example.com/r.git"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString("x-access-token:ghs_secretToken123".getBytes(StandardCharsets.UTF_8));
    }

    /** Commits a file to {@code branch} of the remote through a throw-away clone, like another developer would. */
    private String seedCommit(String branch, String file, String content) throws GitAPIException, IOException {
        Path seed = Files.createTempDirectory(temp, "seed");
        try (Git git = Git.cloneRepository().setURI(remoteRepo.getDirectory().toURI().toString()).setDirectory(seed.toFile()).call()) {
            if (git.getRepository().resolve("HEAD") != null) {
                git.checkout().setName(branch).call();
            }
            Files.writeString(seed.resolve(file), content);
            git.add().addFilepattern(".").call();
            RevCommit commit = git.commit().setMessage("seed " + file).setAuthor("Human", "human@example.com")
                    .setCommitter("Human", "human@example.com").setSign(false).call();
            git.push().setRefSpecs(new org.eclipse.jgit.transport.RefSpec("HEAD:refs/heads/" + branch)).call();
            return commit.getName();
        }
    }

    private RevCommit commit(String sha) throws IOException {
        try (RevWalk walk = new RevWalk(remoteRepo)) {
            RevCommit commit = walk.parseCommit(ObjectId.fromString(sha));
            walk.parseHeaders(commit.getParent(0));
            return commit;
        }
    }

    private boolean fileAt(String sha, String path) throws IOException {
        try (RevWalk walk = new RevWalk(remoteRepo)) {
            RevCommit commit = walk.parseCommit(ObjectId.fromString(sha));
            return TreeWalk.forPath(remoteRepo, path, commit.getTree()) != null;
        }
    }
}
