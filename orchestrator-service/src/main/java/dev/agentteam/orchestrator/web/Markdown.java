package dev.agentteam.orchestrator.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.UrlSanitizer;

/**
 * Markdown written by agents and people (PR bodies, review comments, story texts) as HTML for the pages
 * ({@code th:utext="${md.html(text)}"}; Thymeleaf refuses bean references in unescaped output, so {@link MarkdownAdvice}
 * puts one into the model of every page). Thread-safe. The text is untrusted: raw HTML is escaped, links keep only http, https
 * and mailto targets (anything else becomes plain text), and images become links, so a page never loads anything
 * from a URL someone wrote. GitHub's tables and task lists are rendered.
 */
public class Markdown {

    private static final Pattern SAFE = Pattern.compile("^(https?://|mailto:)[^\\s]*$");
    private static final List<org.commonmark.Extension> EXTENSIONS =
            List.of(TablesExtension.create(), TaskListItemsExtension.create());

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new OnlySafeUrls())
            .attributeProviderFactory(context -> (node, tag, attributes) -> {
                if (node instanceof Link) {
                    attributes.put("rel", "nofollow noopener noreferrer");
                }
            })
            .build();

    /** The text as safe HTML; empty for null or blank text. */
    public String html(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        Node document = parser.parse(markdown);
        defuse(document);
        return renderer.render(document);
    }

    static boolean safe(String url) {
        return url != null && SAFE.matcher(url.strip().toLowerCase(Locale.ROOT)).matches();
    }

    /** Unsafe links lose their link (their text stays); images become a link to the image, or their text. */
    private static void defuse(Node document) {
        List<Node> links = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                links.add(link);
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                links.add(image);
                visitChildren(image);
            }
        });
        for (Node node : links) {
            String destination = node instanceof Link link ? link.getDestination() : ((Image) node).getDestination();
            if (node instanceof Image image) {
                Node replacement = safe(destination) ? new Link(destination, image.getTitle()) : null;
                if (replacement != null) {
                    moveChildren(image, replacement);
                    if (replacement.getFirstChild() == null) {
                        replacement.appendChild(new Text(destination));
                    }
                    image.insertBefore(replacement);
                    image.unlink();
                } else {
                    unwrap(image);
                }
            } else if (!safe(destination)) {
                unwrap(node);
            }
        }
    }

    private static void unwrap(Node node) {
        Node child = node.getFirstChild();
        while (child != null) {
            Node next = child.getNext();
            node.insertBefore(child);
            child = next;
        }
        node.unlink();
    }

    private static void moveChildren(Node from, Node to) {
        Node child = from.getFirstChild();
        while (child != null) {
            Node next = child.getNext();
            to.appendChild(child);
            child = next;
        }
    }

    /** A second line of defence behind {@link #defuse}: nothing unsafe reaches an attribute. */
    private static final class OnlySafeUrls implements UrlSanitizer {
        @Override
        public String sanitizeLinkUrl(String url) {
            return safe(url) ? url : "";
        }

        @Override
        public String sanitizeImageUrl(String url) {
            return "";
        }
    }
}
