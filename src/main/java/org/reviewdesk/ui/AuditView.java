package org.reviewdesk.ui;

import java.time.format.DateTimeFormatter;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import org.reviewdesk.domain.AuditEntry;
import org.reviewdesk.service.Workbench;

/** The audit log: who did what and when, and whether its hash chain is intact. */
final class AuditView extends BorderPane {
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    AuditView(Workbench w) {
        setId("auditView");
        TableView<AuditEntry> table = new TableView<>();
        table.setId("auditTable");
        table.getColumns().add(col("#", 60, e -> String.valueOf(e.id())));
        table.getColumns().add(col("When", 170, e -> AT.format(e.at().atZoneSameInstant(java.time.ZoneId
                .systemDefault()))));
        table.getColumns().add(col("Action", 200, AuditEntry::action));
        table.getColumns().add(col("Case", 160, e -> e.caseNumber() == null ? "" : e.caseNumber()));
        table.getColumns().add(col("Detail", 360, e -> e.detail() == null ? "" : e.detail()));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label status = new Label("Checking the chain…");
        status.setId("auditStatus");
        status.setPadding(new Insets(8, 10, 8, 10));
        setTop(status);
        setCenter(table);
        Background.run(() -> new Object[] {w.auditLog(), w.auditProblem()}, v -> {
            @SuppressWarnings("unchecked")
            java.util.List<AuditEntry> entries = (java.util.List<AuditEntry>) v[0];
            table.getItems().setAll(entries);
            table.scrollTo(Math.max(0, entries.size() - 1));
            String problem = (String) v[1];
            status.setText(problem == null ? "✓ The audit log's hash chain is intact (" + entries.size()
                    + " entries)." : "✖ The audit log is broken: " + problem);
            status.getStyleClass().setAll("label", problem == null ? "success" : "danger");
        }, t -> status.setText("The audit log could not be read: " + Dialogs.reasonForLabel(t)));
    }

    private static TableColumn<AuditEntry, String> col(String title, double width,
                                                        java.util.function.Function<AuditEntry, String> f) {
        TableColumn<AuditEntry, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(x -> new ReadOnlyStringWrapper(f.apply(x.getValue())));
        return c;
    }
}
