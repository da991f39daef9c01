package dev.agentteam.common.workspace;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** Reading helpers for UTF-8 text files. */
final class TextFiles {

    private static final int SNIFF_BYTES = 8192;

    private TextFiles() {
    }

    static String read(Path file, String shownPath) {
        if (isBinary(file)) {
            throw new WorkspaceFileException(shownPath + " is a binary file");
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new WorkspaceFileException(shownPath + " is not UTF-8 text");
        } catch (IOException e) {
            throw new WorkspaceFileException("could not read " + shownPath + ": " + e.getMessage());
        }
    }

    /** A NUL byte near the start is what git uses to call a file binary too. */
    static boolean isBinary(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(SNIFF_BYTES);
            for (byte b : head) {
                if (b == 0) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** @return false when {@code hits} reached {@code max} */
    static boolean collectMatches(Path file, String shownPath, Pattern pattern, List<SearchHit> hits, int max, int maxLine) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (pattern.matcher(line).find()) {
                    if (hits.size() == max) {
                        return false;
                    }
                    String shown = line.length() > maxLine ? line.substring(0, maxLine) + "…" : line;
                    hits.add(new SearchHit(shownPath, number, shown));
                }
            }
        } catch (IOException e) {
            // not UTF-8 text (or vanished meanwhile): nothing to search in
        }
        return true;
    }
}
