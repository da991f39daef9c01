package dev.agentteam.common.codehost;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a repository's own {@code PULL_REQUEST_TEMPLATE.md}: its sections stay in its order and words; the section
 * whose heading names the description, the acceptance criteria, the checklist/Definition of Done or the notes gets
 * ours (the checklist keeps the repository's own items after ours, unticked for a person). What the template lacks
 * is appended with headings in its language. HTML comments (GitHub hides them) are dropped.
 */
final class RepositoryTemplateBody {

    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    private static final Pattern CHECKBOX = Pattern.compile("^\\s*[-*]\\s+\\[[ xX]]\\s+\\S.*$");

    enum Slot {
        DESCRIPTION("descri|summary|resumen|what|qu[eé] |changes|cambios|motivation|context"),
        CRITERIA("acceptance|criteri|aceptaci"),
        DONE("checklist|definition of done|\\bdod\\b|done"),
        NOTES("notes|notas|additional|adicional");

        private final Pattern words;

        Slot(String words) {
            this.words = Pattern.compile(words);
        }
    }

    private record Section(String heading, int level, Slot slot, List<String> lines) {
    }

    private RepositoryTemplateBody() {
    }

    static String fill(String template, PullRequestLanguage language, String summary, String criteria,
                       String definitionOfDone, String notes) {
        List<Section> sections = sections(COMMENT.matcher(template.replace("\r\n", "\n")).replaceAll(""));
        int level = sections.stream().filter(s -> s.heading() != null).mapToInt(Section::level).min().orElse(2);
        StringBuilder out = new StringBuilder();
        List<Slot> filled = new ArrayList<>();
        for (Section section : sections) {
            if (section.heading() != null) {
                out.append("#".repeat(section.level())).append(' ').append(section.heading()).append('\n');
            }
            Slot slot = section.slot() != null && !filled.contains(section.slot()) ? section.slot() : null;
            if (slot == null) {
                out.append(String.join("\n", section.lines()).strip()).append("\n\n");
                continue;
            }
            filled.add(slot);
            out.append(switch (slot) {
                case DESCRIPTION -> summary;
                case CRITERIA -> criteria;
                case DONE -> definitionOfDone + ownItems(section.lines());
                case NOTES -> notes;
            }).append("\n\n");
        }
        appendMissing(out, filled, Slot.DESCRIPTION, level, language.description, summary);
        appendMissing(out, filled, Slot.CRITERIA, level, language.criteria, criteria);
        appendMissing(out, filled, Slot.DONE, level, language.definitionOfDone, definitionOfDone);
        if (!"-".equals(notes)) {
            appendMissing(out, filled, Slot.NOTES, level, language.notes, notes);
        }
        return out.toString().replaceAll("\n{3,}", "\n\n").strip() + "\n";
    }

    private static void appendMissing(StringBuilder out, List<Slot> filled, Slot slot, int level, String heading, String text) {
        if (!filled.contains(slot)) {
            out.append("#".repeat(level)).append(' ').append(heading).append('\n').append(text).append("\n\n");
        }
    }

    /** The repository's own checklist items, for a person to tick. */
    private static String ownItems(List<String> lines) {
        StringBuilder items = new StringBuilder();
        for (String line : lines) {
            if (CHECKBOX.matcher(line).matches()) {
                items.append('\n').append(line.strip().replaceFirst("\\[[xX]]", "[ ]"));
            }
        }
        return items.toString();
    }

    private static List<Section> sections(String template) {
        List<Section> sections = new ArrayList<>();
        String heading = null;
        int level = 0;
        List<String> lines = new ArrayList<>();
        for (String line : template.split("\n", -1)) {
            Matcher m = HEADING.matcher(line);
            if (m.matches()) {
                if (heading != null || !String.join("", lines).isBlank()) {
                    sections.add(new Section(heading, level, slot(heading), lines));
                }
                heading = m.group(2);
                level = m.group(1).length();
                lines = new ArrayList<>();
            } else {
                lines.add(line);
            }
        }
        if (heading != null || !String.join("", lines).isBlank()) {
            sections.add(new Section(heading, level, slot(heading), lines));
        }
        return sections;
    }

    private static Slot slot(String heading) {
        if (heading == null) {
            return null;
        }
        String text = heading.toLowerCase(Locale.ROOT) + " ";
        for (Slot slot : Slot.values()) {
            if (slot.words.matcher(text).find()) {
                return slot;
            }
        }
        return null;
    }
}
