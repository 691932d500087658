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
        // a command that opens the store: its key stretching overlaps the class loading of what follows
        ReviewDeskCommand.startKeyDerivationEarly(args);
        // a lambda, not ReviewDeskApp::launchWindow: the method reference would load ReviewDeskApp and with
        // it JavaFX's Application class for every command, also those that draw nothing
        int status = ReviewDeskCommand.run(dir -> ReviewDeskApp.launchWindow(dir), args);
        System.exit(status);
    }
}
