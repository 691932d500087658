package org.reviewdesk.guideline;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Lower-case words of a text, for search: letters and digits, everything else separates. */
final class Words {
    private Words() {
    }

    static List<String> of(String... texts) {
        return Arrays.stream(texts).filter(t -> t != null && !t.isBlank())
                .flatMap(t -> Arrays.stream(t.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")))
                .filter(w -> !w.isEmpty()).toList();
    }

    /** Whether some word of {@code words} starts with {@code prefix}. */
    static boolean anyStartsWith(List<String> words, String prefix) {
        return words.stream().anyMatch(w -> w.startsWith(prefix));
    }
}
