package dev.agentteam.orchestrator.web;

import java.util.Objects;

import dev.agentteam.common.task.QualityCommands;
import dev.agentteam.orchestrator.coderepository.Repositories;
import dev.agentteam.orchestrator.coderepository.RepositoryView;
import dev.agentteam.orchestrator.retrieval.CodeSearch;
import dev.agentteam.orchestrator.retrieval.Language;
import dev.agentteam.orchestrator.retrieval.SearchMode;
import dev.agentteam.orchestrator.retrieval.SearchQueries;
import dev.agentteam.orchestrator.retrieval.SearchQuery;
import dev.agentteam.orchestrator.retrieval.SourceFile;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The repositories: their list, and each one's page with its test and Definition-of-Done commands (an admin edits
 * them in {@link RepositoryQualityForm}), the state of its code index (live progress while it runs) and a search box
 * whose results link to the file and lines they come from.
 */
@Controller
class RepositoryPagesController {

    private final Repositories repositories;
    private final CodeSearch codeSearch;

    RepositoryPagesController(Repositories repositories, CodeSearch codeSearch) {
        this.repositories = repositories;
        this.codeSearch = codeSearch;
    }

    @GetMapping("/repositories")
    String list(Model model) {
        model.addAttribute("repositories", repositories.list());
        return "repositories";
    }

    @GetMapping("/repositories/{id}")
    String repository(@PathVariable("id") long id, @RequestParam(name = "q", required = false) String q,
                      @RequestParam(name = "path", required = false) String path,
                      @RequestParam(name = "language", required = false) String language, Authentication authentication,
                      Model model) {
        RepositoryView repository = find(id);
        model.addAttribute("repository", repository);
        model.addAttribute("checks", QualityCommands.CHECKS);
        model.addAttribute("canEditQuality", authentication.getAuthorities().stream()
                .anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority())));
        model.addAttribute("index", codeSearch.status(id));
        model.addAttribute("languages", Language.values());
        model.addAttribute("q", q);
        model.addAttribute("path", path);
        model.addAttribute("language", language);
        if (q != null) {
            try {
                SearchQuery query = parse(q, path, language);
                model.addAttribute("search", codeSearch.search(id, query));
            } catch (ErrorResponseException refused) {
                model.addAttribute("problem", Objects.requireNonNullElse(refused.getBody().getDetail(), "The search was refused."));
            }
        }
        return "repository";
    }

    /** The index card alone: the page polls it while a run is going on. */
    @GetMapping("/repositories/{id}/index-state")
    String indexState(@PathVariable("id") long id, Model model) {
        model.addAttribute("repository", find(id));
        model.addAttribute("index", codeSearch.status(id));
        return "repository :: index";
    }

    @PostMapping("/repositories/{id}/index")
    String reindex(@PathVariable("id") long id, @RequestParam(name = "full", defaultValue = "false") boolean full,
                   Authentication authentication, RedirectAttributes redirect) {
        find(id);
        boolean approver = authentication.getAuthorities().stream().anyMatch(a -> "ROLE_APPROVER".equals(a.getAuthority()));
        if (!approver) {
            redirect.addFlashAttribute("problem", "Only approvers and admins may re-index a repository.");
        } else {
            codeSearch.reindex(id, full);
            redirect.addFlashAttribute("notice", full ? "A full rebuild of the index is queued." : "Re-indexing is queued: "
                    + "only files that changed since the last run are embedded again.");
        }
        return "redirect:/repositories/" + id;
    }

    @GetMapping("/repositories/{id}/file")
    String file(@PathVariable("id") long id, @RequestParam(name = "path") String path,
                @RequestParam(name = "from", defaultValue = "0") int from, @RequestParam(name = "to", defaultValue = "0") int to,
                Model model) {
        RepositoryView repository = find(id);
        SourceFile file = codeSearch.file(id, path).orElseThrow(() -> new PageNotFoundException("file", path));
        model.addAttribute("repository", repository);
        model.addAttribute("file", file);
        model.addAttribute("from", from);
        model.addAttribute("to", Math.max(from, to));
        return "repository-file";
    }

    private SearchQuery parse(String q, String path, String language) {
        return SearchQueries.parse(q, 10, path, language, SearchMode.HYBRID.key(), codeSearch.maxQueryChars(),
                codeSearch.maxResults());
    }

    private RepositoryView find(long id) {
        return repositories.find(id).orElseThrow(() -> new PageNotFoundException("repository", id));
    }
}
