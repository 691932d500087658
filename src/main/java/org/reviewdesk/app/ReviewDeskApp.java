package org.reviewdesk.app;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import javafx.application.Application;
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

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        window = new MainWindow(stage, dataDir, getHostServices());
        window.show();
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
    }
}
