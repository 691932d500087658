package org.reviewdesk.ui.precedent;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.reviewdesk.service.PrecedentService;
import org.reviewdesk.ui.Dialogs;

/** Importing a folder of published determination letters, with progress, and the letters that did not parse. */
final class ImportLetters {
    private ImportLetters() {
    }

    static void chooseAndImport(Window owner) {
        File dir = Precedents.folderChooser.apply(owner);
        if (dir != null) {
            run(owner, List.of(dir.toPath()));
        }
    }

    /** Imports on a thread of its own (a folder can take half a minute) with a progress dialog that can cancel. */
    static Task<PrecedentService.ImportReport> run(Window owner, List<Path> paths) {
        PrecedentService service = Precedents.service();
        Dialog<ButtonType> progress = new Dialog<>();
        progress.initOwner(owner);
        progress.setTitle("Importing determination letters");
        progress.setHeaderText("Reading the letters in " + paths.get(0) + (paths.size() > 1 ? " and more" : ""));
        ProgressBar bar = new ProgressBar(0);
        bar.setPrefWidth(420);
        bar.setId("importProgress");
        Label status = new Label("Looking for letters…");
        status.setId("importStatus");
        VBox box = new VBox(8, bar, status);
        box.setPadding(new Insets(8));
        progress.getDialogPane().setContent(box);
        progress.getDialogPane().getButtonTypes().add(ButtonType.CANCEL);
        progress.getDialogPane().setId("importDialog");
        Task<PrecedentService.ImportReport> task = new Task<>() {
            @Override
            protected PrecedentService.ImportReport call() throws Exception {
                return service.importLetters(paths, (done, total, file) -> {
                    updateProgress(done, total);
                    updateMessage(done + " of " + total + " read: " + file);
                }, this::isCancelled);
            }
        };
        bar.progressProperty().bind(task.progressProperty());
        status.textProperty().bind(task.messageProperty());
        progress.setResultConverter(b -> {
            if (b == ButtonType.CANCEL && task.isRunning()) {
                task.cancel(false);
            }
            return b;
        });
        task.setOnSucceeded(e -> {
            progress.setResult(ButtonType.OK);
            progress.close();
            if (!task.getValue().added().isEmpty()) {
                Precedents.lettersAdded();
            }
            showReport(owner, task.getValue());
        });
        task.setOnFailed(e -> {
            progress.setResult(ButtonType.OK);
            progress.close();
            if (!(task.getException() instanceof CancellationException)) {
                Dialogs.error(owner, "The letters could not be imported", task.getException());
            }
        });
        task.setOnCancelled(e -> progress.close());
        Thread t = new Thread(task, "precedent-import");
        t.setDaemon(true);
        t.start();
        Platform.runLater(progress::show);
        return task;
    }

    static void showReport(Window owner, PrecedentService.ImportReport r) {
        Alert a = new Alert(r.failures().isEmpty() ? Alert.AlertType.INFORMATION : Alert.AlertType.WARNING);
        a.initOwner(owner);
        a.setTitle("Letters imported");
        a.setHeaderText(r.summary() + ".");
        a.getDialogPane().setId("importReport");
        VBox box = new VBox(6);
        box.getChildren().add(new Label(r.filesRead() + " files read. A letter already in the library is not added "
                + "twice."));
        if (!r.failures().isEmpty()) {
            box.getChildren().add(new Label("Not read (the rest went in):"));
            ListView<String> list = new ListView<>();
            list.setId("importFailures");
            list.setPrefSize(620, Math.min(240, 28 * r.failures().size() + 8));
            r.failures().forEach(f -> list.getItems().add(f.file() + ": " + f.reason()));
            box.getChildren().add(list);
        }
        a.getDialogPane().setContent(box);
        a.show();
    }
}
