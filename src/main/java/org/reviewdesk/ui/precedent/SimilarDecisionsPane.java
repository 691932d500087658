package org.reviewdesk.ui.precedent;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.reviewdesk.domain.CaseFile;
import org.reviewdesk.domain.Citation;
import org.reviewdesk.domain.Decision;
import org.reviewdesk.precedent.PrecedentIndex;
import org.reviewdesk.service.PrecedentService;
import org.reviewdesk.ui.Background;

/**
 * "Similar decisions" under an item: the most similar decided items of the precedent library, each with its
 * decision, date, cited guideline and the first lines of its rationale; a summary line; Open reads a precedent
 * whole; Cite the same copies its citation into the item. There is deliberately no "insert as reference": a
 * rationale argues from the guideline and this record, not from another decision.
 */
public final class SimilarDecisionsPane extends TitledPane {
    static final int SHOWN_ROWS = 5;
    private final int index;
    private final StringProperty request;
    private final StringProperty category;
    private final Supplier<CaseFile> currentCase;
    private final BiConsumer<List<Citation>, String> cite;
    private final Label summary = new Label("Looking for similar decisions…");
    private final VBox rows = new VBox(6);
    private final Button more = new Button();
    private final PauseTransition refresh = new PauseTransition(Duration.millis(700));
    private PrecedentService.Similar shown;
    /** Held here: the weak listener on the import counter lives as long as this section. */
    private final javafx.beans.InvalidationListener reloadAfterImport = o -> load();
    private boolean showAll;

    /**
     * @param cite receives the precedent's citations and its reviewer guideline line, to put into the item
     */
    public SimilarDecisionsPane(int index, StringProperty request, StringProperty category,
                                Supplier<CaseFile> currentCase, BiConsumer<List<Citation>, String> cite) {
        this.index = index;
        this.request = request;
        this.category = category;
        this.currentCase = currentCase;
        this.cite = cite;
        setId("similar-" + index);
        setText("Similar decisions");
        setExpanded(true);
        summary.setId("similarSummary-" + index);
        summary.setWrapText(true);
        summary.getStyleClass().add("text-bold");
        rows.setId("similarRows-" + index);
        more.setId("similarMore-" + index);
        more.getStyleClass().add("flat");
        more.setOnAction(e -> {
            showAll = !showAll;
            fill();
        });
        VBox box = new VBox(8, summary, rows, more);
        box.setPadding(new Insets(6));
        setContent(box);
        refresh.setOnFinished(e -> load());
        request.addListener((o, a, b) -> refresh.playFromStart());
        category.addListener((o, a, b) -> refresh.playFromStart());
        Precedents.imported().addListener(new javafx.beans.WeakInvalidationListener(reloadAfterImport));
        load();
    }

    /** Looks the item up again (after an import, or when its request or category changed). */
    public void load() {
        PrecedentService service = Precedents.service();
        if (service == null) {
            summary.setText("The precedent library is not open.");
            return;
        }
        String req = request.get();
        String cat = category.get();
        CaseFile c = currentCase.get();
        String summaryText = c == null ? null : c.clinicalSummary();
        String caseNumber = c == null ? null : c.caseNumber();
        Background.run(() -> service.letterCount() == 0 && service.index().size() == 0 ? null
                : service.similar(req, summaryText, cat, caseNumber), similar -> {
                    shown = similar;
                    fill();
                }, t -> summary.setText("Similar decisions could not be looked up: "
                        + org.reviewdesk.ui.Dialogs.reasonForLabel(t)));
    }

    private void fill() {
        rows.getChildren().clear();
        if (shown == null) {
            summary.setText("The precedent library is empty.");
            Button importNow = new Button("Import published decisions…");
            importNow.setId("similarImport-" + index);
            importNow.setOnAction(e -> Precedents.importFolder());
            rows.getChildren().add(importNow);
            more.setVisible(false);
            more.setManaged(false);
            return;
        }
        summary.setText(shown.summaryLine());
        List<PrecedentIndex.Hit> hits = shown.hits();
        int n = showAll ? hits.size() : Math.min(SHOWN_ROWS, hits.size());
        for (int i = 0; i < n; i++) {
            rows.getChildren().add(row(i, hits.get(i)));
        }
        boolean hasMore = hits.size() > SHOWN_ROWS;
        more.setVisible(hasMore);
        more.setManaged(hasMore);
        more.setText(showAll ? "Show the first " + SHOWN_ROWS : "Show all " + hits.size());
    }

    private VBox row(int i, PrecedentIndex.Hit h) {
        PrecedentService service = Precedents.service();
        var e = h.entry();
        Label decision = new Label(e.item().decision().label());
        decision.getStyleClass().add(e.item().decision() == Decision.UPHELD ? "text-muted" : "warning");
        decision.setStyle("-fx-font-weight: bold;");
        decision.setMinWidth(Region.USE_PREF_SIZE);
        String date = e.precedent().decisionDate() == null ? "" : "  " + e.precedent().decisionDate();
        Label where = new Label(e.precedent().caseNumber() + " item " + e.item().position() + date + " ("
                + e.precedent().source().label() + ")");
        where.getStyleClass().add("text-muted");
        where.setMinWidth(Region.USE_PREF_SIZE);
        Label req = new Label(e.item().request());
        req.setWrapText(true);
        String cited = e.citations().isEmpty() ? "no guideline cited"
                : String.join("; ", e.citations().stream().map(service::citationLabel).toList());
        Label guideline = new Label("Cited: " + cited);
        guideline.setWrapText(true);
        Label rationale = new Label(firstLines(e.item().rationale()));
        rationale.setWrapText(true);
        rationale.getStyleClass().add("text-muted");
        Button open = new Button("Open");
        open.setId("similarOpen-" + index + "-" + i);
        open.setTooltip(new Tooltip("Read this decision whole"));
        open.setOnAction(ev -> PrecedentDialog.show(getScene().getWindow(), e.precedent(), e.item().position()));
        Button same = new Button("Cite the same");
        same.setId("similarCite-" + index + "-" + i);
        same.setDisable(e.citations().isEmpty());
        same.setTooltip(new Tooltip("Put this decision's guideline citation into the item: " + cited));
        same.setOnAction(ev -> cite.accept(e.citations(), org.reviewdesk.guideline.CitationText.reviewer(
                e.citations(), service.library())));
        // The decision and where it comes from wrap as a pair, and the buttons sit on a line of their own under
        // the precedent: the row is never wider than the builder column, so no button is cut (1280x800 and up).
        FlowPane head = new FlowPane(10, 2, decision, where);
        head.setAlignment(Pos.CENTER_LEFT);
        open.setMinWidth(Region.USE_PREF_SIZE);
        same.setMinWidth(Region.USE_PREF_SIZE);
        HBox actions = new HBox(8, open, same);
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.setPadding(new Insets(2, 0, 0, 0));
        VBox row = new VBox(2, head, req, guideline, rationale, actions);
        row.setId("similarRow-" + index + "-" + i);
        row.setPadding(new Insets(4, 6, 6, 6));
        row.setStyle("-fx-border-color: transparent transparent -color-border-muted transparent;");
        return row;
    }

    /** The first sentences of a rationale, about two lines' worth. */
    static String firstLines(String rationale) {
        if (rationale == null) {
            return "";
        }
        String t = rationale.strip().replaceAll("\\s+", " ");
        if (t.length() <= 240) {
            return t;
        }
        int cut = t.lastIndexOf(' ', 240);
        return t.substring(0, cut > 0 ? cut : 240) + " …";
    }
}
