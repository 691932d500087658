package org.reviewdesk.cli;

import java.io.Console;
import java.util.Arrays;
import java.util.function.Function;

/** Passwords come from the environment or the console, never from arguments. */
final class Passwords {
    static final String STORE = "REVIEWDESK_PASSWORD";
    static final String NEW = "REVIEWDESK_NEW_PASSWORD";
    static final String KEY = "REVIEWDESK_KEY_PASSWORD";
    static final String BUNDLE = "REVIEWDESK_BUNDLE_PASSWORD";

    private final Function<String, String> env;
    private final Console console;

    Passwords(Function<String, String> env, Console console) {
        this.env = env;
        this.console = console;
    }

    static Passwords system() {
        // not System::getenv: a forwarded command (ServedCommands) loads no lambda machinery
        return new Passwords(new Function<String, String>() {
            @Override
            public String apply(String name) {
                return System.getenv(name);
            }
        }, System.console());
    }

    /** Whether a store password can be had without failing (set in the environment, or a console to ask). */
    boolean available() {
        return env.apply(STORE) != null || console != null;
    }

    char[] store() throws CliException {
        return ask(STORE, "Store password: ");
    }

    /** An archive bundle's password: REVIEWDESK_BUNDLE_PASSWORD or a prompt (twice for a new one). */
    char[] bundle(boolean fresh) throws CliException {
        String v = env.apply(BUNDLE);
        if (v != null) {
            return nonEmpty(v.toCharArray(), BUNDLE);
        }
        if (console == null) {
            throw new CliException("no bundle password given: set " + BUNDLE + " or run in a terminal to be asked");
        }
        char[] first = console.readPassword("Bundle password: ");
        if (fresh) {
            char[] second = console.readPassword("Repeat the bundle password: ");
            if (first == null || second == null || !Arrays.equals(first, second)) {
                throw new CliException("the two passwords differ");
            }
        }
        return nonEmpty(first == null ? new char[0] : first, BUNDLE);
    }

    /** A keystore's password: REVIEWDESK_KEY_PASSWORD or a prompt. */
    char[] key() throws CliException {
        return ask(KEY, "Keystore password: ");
    }

    /** A new keystore's password: REVIEWDESK_KEY_PASSWORD, or typed twice at the console. */
    char[] newKey() throws CliException {
        String v = env.apply(KEY);
        if (v != null) {
            return nonEmpty(v.toCharArray(), KEY);
        }
        if (console == null) {
            throw new CliException("no keystore password given: set " + KEY + " or run in a terminal to be asked");
        }
        char[] first = console.readPassword("New keystore password: ");
        char[] second = console.readPassword("Repeat the keystore password: ");
        if (first == null || second == null || !Arrays.equals(first, second)) {
            throw new CliException("the two passwords differ");
        }
        return nonEmpty(first, KEY);
    }

    /** A new password: from REVIEWDESK_NEW_PASSWORD, or typed twice at the console. */
    char[] fresh(String fallbackVariable) throws CliException {
        String v = env.apply(NEW);
        if (v == null && fallbackVariable != null) {
            v = env.apply(fallbackVariable);
        }
        if (v != null) {
            return nonEmpty(v.toCharArray(), NEW);
        }
        if (console == null) {
            throw new CliException("no new password given: set " + NEW + " or run in a terminal to be asked");
        }
        char[] first = console.readPassword("New store password: ");
        char[] second = console.readPassword("Repeat the new password: ");
        if (first == null || second == null || !Arrays.equals(first, second)) {
            throw new CliException("the two passwords differ; nothing was changed");
        }
        return nonEmpty(first, NEW);
    }

    private char[] ask(String variable, String prompt) throws CliException {
        String v = env.apply(variable);
        if (v != null) {
            return nonEmpty(v.toCharArray(), variable);
        }
        if (console == null) {
            throw new CliException("no password given: set " + variable + " or run in a terminal to be asked");
        }
        char[] p = console.readPassword(prompt);
        if (p == null) {
            throw new CliException("no password given");
        }
        return nonEmpty(p, variable);
    }

    private static char[] nonEmpty(char[] p, String variable) throws CliException {
        if (p.length == 0) {
            throw new CliException("the password is empty (" + variable + ")");
        }
        return p;
    }
}
