package org.reviewdesk.cli;

/** A command that cannot go on; its message becomes the {@code error: } line. */
final class CliException extends Exception {
    CliException(String message) {
        super(message);
    }
}
