package org.reviewdesk.exchange;

/** Rules for file paths inside a packet: relative, forward slashes, never leaving the packet. */
final class PacketPaths {
    private PacketPaths() {
    }

    /** Why a packet path is refused, or null when it is fine. */
    static String problem(String p) {
        if (p.isEmpty()) {
            return "the path is empty";
        }
        if (p.startsWith("/") || p.startsWith("\\") || p.matches("^[A-Za-z]:.*")) {
            return "an absolute path is not allowed in a packet";
        }
        if (p.contains("\\")) {
            return "paths in a packet use forward slashes";
        }
        if (p.indexOf('\0') >= 0) {
            return "the path contains a NUL character";
        }
        for (String part : p.split("/", -1)) {
            if (part.equals("..")) {
                return "the path escapes the packet folder";
            }
            if (part.isEmpty() || part.equals(".")) {
                return "the path has an empty or '.' segment";
            }
        }
        return null;
    }
}
