package org.reviewdesk.ui.record;

import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.reviewdesk.service.RecordService;
import org.reviewdesk.ui.Background;

/** The duplicate pages of a document side by side with the pages they repeat. */
final class DuplicateCompareDialog extends Dialog<Void> {
    private static final float DPI = 60f;

    DuplicateCompareDialog(Window owner, RecordService records, String caseNumber,
                           List<RecordService.DuplicatePage> pages) {
        initOwner(owner);
        setTitle("Duplicate pages");
        setResizable(true);
        getDialogPane().setId("duplicateCompare");
        ImageView left = new ImageView();
        ImageView right = new ImageView();
        left.setPreserveRatio(true);
        right.setPreserveRatio(true);
        left.setFitHeight(560);
        right.setFitHeight(560);
        left.setFitWidth(432);
        right.setFitWidth(432);
        Label leftLabel = new Label();
        Label rightLabel = new Label();
        ListView<RecordService.DuplicatePage> list = new ListView<>();
        list.getItems().setAll(pages);
        list.setPrefWidth(220);
        list.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        list.setCellFactory(lv -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(RecordService.DuplicatePage d, boolean empty) {
                super.updateItem(d, empty);
                setText(empty || d == null ? null : "Page " + d.page() + " repeats page " + d.originalPage()
                        + String.format(" (%.0f%% alike)", d.similarity() * 100));
                setWrapText(true);
                setPrefWidth(0);
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, d) -> {
            if (d == null) {
                return;
            }
            leftLabel.setText("Page " + d.originalPage() + " (kept)");
            rightLabel.setText("Page " + d.page() + " (duplicate)");
            Background.run(() -> records.uprightPageImage(caseNumber, d.originalDocumentId(), d.originalPage(), DPI),
                    img -> left.setImage(PageView.toFx(img)), t -> left.setImage(null));
            Background.run(() -> records.uprightPageImage(caseNumber, d.documentId(), d.page(), DPI),
                    img -> right.setImage(PageView.toFx(img)), t -> right.setImage(null));
        });
        // the pages' places are sized before their images arrive, so that the dialog opens at its full size
        javafx.scene.layout.StackPane leftPlace = new javafx.scene.layout.StackPane(left);
        javafx.scene.layout.StackPane rightPlace = new javafx.scene.layout.StackPane(right);
        for (javafx.scene.layout.StackPane place : List.of(leftPlace, rightPlace)) {
            place.setMinSize(435, 563);
            place.setPrefSize(435, 563);
            place.setStyle("-fx-border-color: -color-border-default;");
        }
        HBox content = new HBox(12, list, new VBox(4, leftLabel, leftPlace), new VBox(4, rightLabel, rightPlace));
        content.setPadding(new Insets(8));
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        if (!pages.isEmpty()) {
            list.getSelectionModel().selectFirst();
        }
    }
}
