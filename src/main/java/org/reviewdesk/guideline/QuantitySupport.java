package org.reviewdesk.guideline;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a visit count from request text: "12 sessions", "twelve visits", "2x6", "x12", "3 times a week for 4 weeks". */
final class QuantitySupport {

    private static final Map<String, Integer> WORDS = Map.ofEntries(
            Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
            Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12),
            Map.entry("fourteen", 14), Map.entry("sixteen", 16), Map.entry("eighteen", 18),
            Map.entry("twenty", 20), Map.entry("twenty-four", 24));
    private static final String NUM = "(\\d{1,3}|twenty-four|" + String.join("|", WORDS.keySet()) + ")";
    private static final String RANGE = NUM + "(?:\\s*(?:-|to)\\s*" + NUM + ")?";

    // An explicit count wins over a frequency: "two to three times a week for six to eight weeks (24 sessions)".
    private static final Pattern COUNT = Pattern.compile("\\b" + NUM
            + "\\s+(?:additional\\s+)?(?:[a-z/]+\\s+){0,2}(?:sessions|visits|treatments)\\b");
    private static final Pattern FREQUENCY = Pattern.compile("\\b" + RANGE
            + "\\s*(?:times|x)\\s*(?:a|per|/)\\s*week\\s*(?:for|times|x)?\\s*" + RANGE + "\\s*weeks?\\b");
    private static final Pattern PRODUCT = Pattern.compile("\\b(\\d{1,2})\\s*x\\s*(\\d{1,2})\\b");
    private static final Pattern TIMES = Pattern.compile("(?:\\btimes\\s+|\\bx\\s*)(\\d{1,2})\\b");

    private QuantitySupport() {
    }

    /** The number of visits the text asks for, or null when it states none. Ranges count at their top. */
    static Integer sessions(String text) {
        if (text == null) {
            return null;
        }
        String t = text.toLowerCase(Locale.ROOT);
        Matcher m = COUNT.matcher(t);
        if (m.find()) {
            return value(m.group(1));
        }
        m = FREQUENCY.matcher(t);
        if (m.find()) {
            return top(m.group(1), m.group(2)) * top(m.group(3), m.group(4));
        }
        m = PRODUCT.matcher(t);
        if (m.find()) {
            return Integer.parseInt(m.group(1)) * Integer.parseInt(m.group(2));
        }
        m = TIMES.matcher(t);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    private static int top(String low, String high) {
        return value(high != null ? high : low);
    }

    private static int value(String n) {
        Integer w = WORDS.get(n);
        return w != null ? w : Integer.parseInt(n);
    }
}
