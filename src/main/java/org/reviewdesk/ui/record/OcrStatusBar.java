package org.reviewdesk.ui.record;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.Duration;
import org.reviewdesk.service.OcrService;
import org.reviewdesk.ui.Background;

/**
 * The OCR of the case's scanned pages: "OCR 120 of 600 pages" with a progress bar, Pause/Resume and
 * Cancel/Restart; hidden when the case has no scanned pages. Starts the background OCR with this case first.
 */
final class OcrStatusBar extends HBox {
    /** Told when a page of the case was read (on the FX thread). */
    interface PageRead {
        void pageRead(String documentId, int page);
    }

    private final OcrService ocr;
    private final String caseNumber;
    private final Label label = new Label();
    private final ProgressBar bar = new ProgressBar(0);
    private final Button pause = new Button("Pause");
    private final Button cancel = new Button("Cancel OCR");
    private final Timeline poll;
    private final OcrService.PageListener listener;
    private OcrService.Status status;
    private boolean refreshing;

    OcrStatusBar(OcrService ocr, String caseNumber, PageRead onPage) {
        super(8);
        this.ocr = ocr;
        this.caseNumber = caseNumber;
        setId("ocrStatus");
        label.setId("ocrLabel");
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        bar.setId("ocrProgress");
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        pause.setId("ocrPause");
        pause.setTooltip(new Tooltip("Pause or resume reading scanned pages (OCR) in the background"));
        pause.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        cancel.setId("ocrCancel");
        cancel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        cancel.setTooltip(new Tooltip("Stop reading this case's scanned pages; they can be read later"));
        pause.setOnAction(e -> {
            if (ocr.paused()) {
                ocr.resume();
            } else {
                ocr.pause();
            }
            refresh();
        });
        cancel.setOnAction(e -> Background.run(() -> {
            if (status != null && status.pending() == 0 && status.cancelled() > 0) {
                ocr.restart(caseNumber);
            } else {
                ocr.cancel(caseNumber);
            }
            return null;
        }, x -> refresh(), t -> { }));
        getChildren().addAll(label, bar, pause, cancel);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(0, 0, 2, 0));
        setVisible(false);
        setManaged(false);
        listener = (c, d, p) -> {
            if (c.equals(caseNumber)) {
                Platform.runLater(() -> onPage.pageRead(d, p));
            }
        };
        ocr.addListener(listener);
        ocr.focus(caseNumber);
        ocr.start();
        poll = new Timeline(new KeyFrame(Duration.seconds(1), e -> refresh()));
        poll.setCycleCount(Timeline.INDEFINITE);
        poll.play();
        sceneProperty().addListener((o, a, b) -> {
            if (b == null) {
                poll.stop();
                ocr.removeListener(listener);
            } else if (a == null) {
                poll.play();
                ocr.addListener(listener);
            }
        });
        refresh();
    }

    OcrService.Status status() {
        return status;
    }

    void refresh() {
        if (refreshing) {
            return;
        }
        refreshing = true;
        Background.run(() -> ocr.status(caseNumber), s -> {
            refreshing = false;
            status = s;
            boolean show = s.total() > 0 && (s.pending() > 0 || s.cancelled() > 0 || s.failed() > 0);
            setVisible(show);
            setManaged(show);
            label.setText(s.label());
            bar.setProgress(s.total() == 0 ? 0 : (double) (s.done() + s.failed()) / s.total());
            pause.setText(s.paused() ? "Resume" : "Pause");
            pause.setDisable(s.pending() == 0);
            cancel.setText(s.pending() == 0 && s.cancelled() > 0 ? "Read the rest" : "Cancel OCR");
        }, t -> refreshing = false);
    }
}
