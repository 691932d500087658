package org.reviewdesk.files;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file that is not valid JSON, told in plain words: the line and column where reading stopped, the JSON path
 * there ({@code items[2].decision}), and what was expected. The parser's own wording (its class names, "[Source:
 * ...]", "(code 125)", feature names) is for its developers, not for a reviewer with a broken case file.
 */
public final class JsonErrors {
    /** What a value may be, for "expected a value". */
    private static final String A_VALUE = "a value (a string in double quotes, a number, an object, a list, true, false "
            + "or null)";
    private static final Pattern UNEXPECTED = Pattern.compile("Unexpected character \\('(.*?)' \\(code (\\d+)"
            + "(?: / 0x[0-9a-fA-F]+)?\\)\\)(.*)", Pattern.DOTALL);
    private static final Pattern QUOTED = Pattern.compile("'(.*?)'");
    private static final Pattern CODE = Pattern.compile("code (\\d+)");
    private static final Pattern LIMIT = Pattern.compile("exceeds the maximum (?:allowed )?\\((\\d+)");

    /** Where reading stopped (line and column from 1, 0 when unknown; the JSON path, "" at the top) and what is wrong. */
    public record Problem(int line, int column, String path, String problem) {
        /** "line 3, column 14, near items[0].request", as much of it as is known; "" when nothing is. */
        public String where() {
            String near = path.isEmpty() ? "" : "near " + path;
            return line == 0 ? near : "line " + line + ", column " + column + (near.isEmpty() ? "" : ", " + near);
        }
    }

    private JsonErrors() {
    }

    /**
     * What went wrong when {@code parser} (null when none was made) failed with {@code e}: a parse error, a limit
     * of the parser (nesting, string or number length), a number too large to read, a trailing value.
     */
    public static Problem of(JsonParser parser, Exception e) {
        JsonLocation at = e instanceof JsonProcessingException j ? j.getLocation() : null;
        if ((at == null || at.getLineNr() < 1) && parser != null) {
            at = parser.currentLocation();
        }
        int line = at == null || at.getLineNr() < 1 ? 0 : at.getLineNr();
        int column = line == 0 ? 0 : Math.max(1, at.getColumnNr());
        String path = parser == null ? "" : path(parser.getParsingContext());
        String original = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        return new Problem(line, column, path, plain(e, original == null ? "" : original));
    }

    /** The JSON path of a parsing context, e.g. {@code items[2].decision}; at most 80 characters, escaped. */
    static String path(JsonStreamContext c) {
        StringBuilder b = new StringBuilder();
        for (; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                b.insert(0, "[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.getCurrentName() != null) {
                String name = c.getCurrentName();
                b.insert(0, "." + Escape.controls(name.length() > 40 ? name.substring(0, 40) + "..." : name));
            }
        }
        String p = b.length() > 0 && b.charAt(0) == '.' ? b.substring(1) : b.toString();
        return p.length() > 80 ? p.substring(0, 77) + "..." : p;
    }

    /** The parser's message in plain words. */
    static String plain(Exception e, String m) {
        if (e instanceof NumberFormatException) {
            return "a number too large to read";
        }
        if (m.startsWith("Duplicate field ")) {
            return "the field " + quoted(m) + " appears twice";
        }
        if (m.startsWith("Unexpected end-of-input")) {
            String open = m.contains("for Object") ? ": expected } to close the object"
                    : m.contains("for Array") ? ": expected ] to close the list"
                    : m.contains("VALUE_STRING") || m.contains("String value") ? ": a string is not closed by \""
                    : m.contains("field name") ? ": a field name is not closed by \"" : "";
            return "the file ends before the JSON does (is it cut off?)" + open;
        }
        Matcher u = UNEXPECTED.matcher(m);
        if (u.lookingAt()) {
            String found = found(u.group(1), Integer.parseInt(u.group(2)));
            String rest = u.group(3);
            if (rest.contains("double-quote to start field name")) {
                return "expected a field name in double quotes, found " + found
                        + (found.equals("'}'") ? " (no comma after the last field)" : "");
            }
            if (rest.contains("comma to separate Object entries")) {
                return "expected a comma or } after the value, found " + found;
            }
            if (rest.contains("comma to separate Array entries")) {
                return "expected a comma or ] after the value, found " + found;
            }
            if (rest.contains("colon to separate field name and value")) {
                return "expected a colon after the field name, found " + found;
            }
            if (rest.contains("comment")) {
                return "comments are not allowed in JSON";
            }
            if (rest.contains("numeric value")) {
                return "not a valid number at " + found;
            }
            return "expected " + A_VALUE + ", found " + found
                    + (found.equals("']'") || found.equals("'}'") ? " (no comma after the last value)" : "");
        }
        if (m.startsWith("Unexpected close marker")) {
            return "found " + found(firstQuoted(m), 0) + " where the " + (m.contains("expected ']'")
                    ? "list should end with ]" : "object should end with }");
        }
        if (m.startsWith("Unrecognized token")) {
            return "expected " + A_VALUE + ", found " + quoted(m);
        }
        if (m.startsWith("Unrecognized character escape")) {
            return "\\" + firstQuoted(m) + " is not an escape of JSON (a backslash in text is written \\\\)";
        }
        if (m.startsWith("Illegal unquoted character")) {
            return "the control character " + code(m) + " must be written as an escape (such as \\t or \\n) in text";
        }
        if (m.startsWith("Illegal character")) {
            return "the control character " + code(m) + " is not allowed between values";
        }
        if (m.startsWith("Invalid UTF-8") || m.startsWith("Invalid UTF-32") || m.contains("surrogate")) {
            return "the text is not UTF-8 (save the file as UTF-8)";
        }
        if (m.startsWith("Non-standard token")) {
            return quoted(m) + " is not a JSON number";
        }
        if (m.startsWith("Invalid numeric value")) {
            return m.contains("Leading zeroes") ? "a number must not start with 0" : "not a valid number";
        }
        if (m.startsWith("Trailing token")) {
            return "more after the end of the JSON object: a file holds one object";
        }
        if (m.startsWith("Document nesting depth")) {
            return "nested more than " + limit(m) + " levels deep";
        }
        if (m.startsWith("String value length")) {
            return "a string longer than " + limit(m) + " characters";
        }
        if (m.startsWith("Number value length")) {
            return "a number longer than " + limit(m) + " digits";
        }
        if (m.startsWith("Name length") || m.startsWith("Name value length")) {
            return "a field name longer than " + limit(m) + " characters";
        }
        return "not valid JSON";
    }

    private static String found(String c, int code) {
        if (code > 0 && (code < 32 || code == 127)) {
            return String.format("the control character \\u%04x", code);
        }
        return "'" + Escape.controls(c) + "'";
    }

    private static String firstQuoted(String m) {
        Matcher q = QUOTED.matcher(m);
        return q.find() ? q.group(1) : "";
    }

    private static String quoted(String m) {
        String q = firstQuoted(m);
        return "\"" + Escape.controls(q.length() > 40 ? q.substring(0, 40) + "..." : q) + "\"";
    }

    private static String code(String m) {
        Matcher c = CODE.matcher(m);
        return c.find() ? String.format("\\u%04x", Integer.parseInt(c.group(1))) : "";
    }

    private static String limit(String m) {
        Matcher l = LIMIT.matcher(m);
        return l.find() ? String.format(java.util.Locale.ROOT, "%,d", Long.parseLong(l.group(1))) : "a set number of";
    }
}
