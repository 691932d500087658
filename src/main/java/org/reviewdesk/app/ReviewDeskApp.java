package org.reviewdesk.app;

import atlantafx.base.theme.PrimerLight;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.reviewdesk.service.DataFolders;
import org.reviewdesk.ui.MainWindow;

/** The JavaFX application: applies the theme and hands the stage to the main window. */
public final class ReviewDeskApp extends Application {
    private static volatile Path launchDataDir;

    private final Path dataDir;
    private MainWindow window;

    public ReviewDeskApp() {
        this(launchDataDir != null ? launchDataDir : DataFolders.resolve(null));
    }

    public ReviewDeskApp(Path dataDir) {
        this.dataDir = dataDir;
    }

    static void launchWindow(Path dataDir) {
        launchDataDir = dataDir;
        Application.launch(ReviewDeskApp.class);
    }

    private Stage stage;

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        addIcon(stage);
        // below this the record and the builder no longer both fit beside each other (a 1024x700 window still shows
        // every action of a case, its header wrapping; ReviewerKeyboardWindowTest)
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        this.stage = stage;
        // a store kept open after a terminal command is handed over to the window's unlock (docs/decisions/0022)
        org.reviewdesk.service.Workbench.setHandover(org.reviewdesk.cli.ServedCommands::handOver);
        window = new MainWindow(stage, dataDir, getHostServices());
        // while the window has the store open, other terminals' list, show, search, records, suggest and check run
        // on it (each with the store's password) instead of being refused (docs/decisions/0021)
        MainWindow w = window;
        window.onUnlocked(workbench -> org.reviewdesk.cli.WindowCommandServer.start(workbench,
                () -> javafx.application.Platform.runLater(w::recordsChangedOutside)));
        window.show();
    }

    /** The app's icon (installer/icons/reviewdesk.png) on the window, for the title bar and task switcher. */
    private static void addIcon(Stage stage) {
        try (InputStream in = ReviewDeskApp.class.getResourceAsStream("reviewdesk.png")) {
            if (in != null) {
                stage.getIcons().add(new Image(in));
            }
        } catch (IOException e) {
            // no icon is no reason not to open the window
        }
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
        // the files picked in this session out of the desktop's recently used list, a last time
        org.reviewdesk.ui.FilePicks.forgetNow();
        if (stage != null) {
            // the stage may outlive the application (the window tests reuse one): it is left as it was given
            stage.setMinWidth(0);
            stage.setMinHeight(0);
        }
    }
}
