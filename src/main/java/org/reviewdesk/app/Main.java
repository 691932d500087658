package org.reviewdesk.app;

import org.reviewdesk.cli.ReviewDeskCommand;

/**
 * The launcher: with a command it runs the command line, without one it opens the window. It does
 * not extend {@code Application}, so JavaFX can start from the class path of a plain jar.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int status = ReviewDeskCommand.run(ReviewDeskApp::launchWindow, args);
        System.exit(status);
    }
}
