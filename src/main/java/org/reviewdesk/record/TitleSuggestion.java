package org.reviewdesk.record;

import java.util.regex.Pattern;

/** The first line of a page that reads like a title: not a page number, a date, a phone line or a fax header. */
final class TitleSuggestion {
    static final int MAX_LENGTH = 80;
    private static final Pattern NOT_A_TITLE = Pattern.compile(
            "(?i)^(?:page\\s+\\d+(?:\\s+of\\s+\\d+)?|(?:tel|phone|ph|fax|from|to|sent|date)\\b.*)$");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private TitleSuggestion() {
    }

    static String from(String text, String fileName) {
        return text.lines()
                .map(l -> SPACES.matcher(l).replaceAll(" ").strip())
                .filter(TitleSuggestion::meaningful)
                .findFirst()
                .map(TitleSuggestion::shorten)
                .orElseGet(() -> withoutExtension(fileName));
    }

    private static boolean meaningful(String line) {
        long letters = line.chars().filter(Character::isLetter).count();
        long visible = line.chars().filter(c -> !Character.isWhitespace(c)).count();
        // fax banners and number rows are mostly digits and punctuation
        return letters >= 3 && letters * 2 >= visible && !NOT_A_TITLE.matcher(line).matches();
    }

    private static String shorten(String line) {
        if (line.length() <= MAX_LENGTH) {
            return line;
        }
        int cut = line.lastIndexOf(' ', MAX_LENGTH);
        return (cut > MAX_LENGTH / 2 ? line.substring(0, cut) : line.substring(0, MAX_LENGTH)).strip();
    }

    private static String withoutExtension(String fileName) {
        String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        return shorten(dot > 0 ? name.substring(0, dot) : name);
    }
}
