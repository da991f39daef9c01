package dev.agentteam.orchestrator.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives the pages {@code ${md}}, the Markdown renderer. */
@ControllerAdvice(basePackageClasses = MarkdownAdvice.class)
class MarkdownAdvice {

    private final Markdown markdown = new Markdown();

    @ModelAttribute("md")
    Markdown md() {
        return markdown;
    }
}
