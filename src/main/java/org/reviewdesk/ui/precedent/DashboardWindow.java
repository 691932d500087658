package org.reviewdesk.ui.precedent;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.reviewdesk.service.PrecedentService;
import org.reviewdesk.service.ReviewerRecord;
import org.reviewdesk.ui.Background;
import org.reviewdesk.ui.Dialogs;

/**
 * The reviewer's own record: cases per week, open cases by due date (a calendar strip with overdue and due
 * soon), the overturn rate by treatment category against the public letters', and the average days from
 * assignment to signing. Exported as PNG (what is shown) or CSV (the figures).
 */
final class DashboardWindow {
    static final int STRIP_DAYS_BEFORE = 7;
    static final int STRIP_DAYS_AFTER = 20;
    private static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("MMM d, uuuu", Locale.US);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE\nMMM d", Locale.US);

    private DashboardWindow() {
    }

    static Stage show(Window owner, PrecedentService service) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Dashboard: your record");
        VBox content = new VBox(12);
        content.setId("dashboard");
        content.setPadding(new Insets(12));
        content.getChildren().add(new Label("Loading…"));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        Button png = new Button("Export PNG…");
        png.setId("dashboardPng");
        Button csv = new Button("Export CSV…");
        csv.setId("dashboardCsv");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Label note = new Label("Decisions by category compare your overturn rate with the imported public letters'.");
        note.getStyleClass().add("text-muted");
        HBox bar = new HBox(8, note, grow, png, csv);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 12, 6, 12));
        VBox root = new VBox(scroll, bar);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        stage.setScene(new Scene(root, Math.min(1100, screen.getWidth() - 40), Math.min(820, screen.getHeight() - 40)));
        if (owner != null && owner.getScene() != null) {
            stage.getScene().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        LocalDate today = LocalDate.now();
        Background.run(() -> service.reviewerRecord(today), record -> {
            fill(content, record);
            png.setOnAction(e -> exportPng(stage, content));
            csv.setOnAction(e -> exportCsv(stage, record));
        }, t -> Dialogs.error(stage, "The dashboard could not be built", t));
        stage.show();
        return stage;
    }

    static void fill(VBox content, ReviewerRecord r) {
        content.getChildren().clear();
        Label avg = new Label(r.averageDaysToSign() == null ? "No signed case yet: the average days from assignment "
                + "to signing appears after the first."
                : String.format(Locale.US, "Average days from assignment to signing: %.1f (%d signed case%s)",
                r.averageDaysToSign(), r.signedCases(), r.signedCases() == 1 ? "" : "s"));
        avg.setId("dashboardAverage");
        avg.setStyle("-fx-font-size: 1.25em; -fx-font-weight: bold;");
        content.getChildren().addAll(avg, casesPerWeek(r), calendarStrip(r), categories(r));
    }

    private static BarChart<String, Number> casesPerWeek(ReviewerRecord r) {
        CategoryAxis x = new CategoryAxis();
        x.setLabel("week of assignment (starting Monday)");
        NumberAxis y = new NumberAxis();
        y.setLabel("cases");
        y.setMinorTickVisible(false);
        y.setAutoRanging(false);
        y.setLowerBound(0);
        int max = r.casesPerWeek().values().stream().mapToInt(Integer::intValue).max().orElse(0);
        y.setUpperBound(Math.max(2, max + 1));
        y.setTickUnit(Math.max(1, (max + 1) / 8));
        BarChart<String, Number> chart = new BarChart<>(x, y);
        chart.setId("casesPerWeekChart");
        chart.setTitle("Cases per week");
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setPrefHeight(240);
        XYChart.Series<String, Number> s = new XYChart.Series<>();
        r.casesPerWeek().forEach((w, n) -> s.getData().add(new XYChart.Data<>(WEEK.format(w), n)));
        chart.getData().add(s);
        return chart;
    }

    /** Open cases by due date: one cell per day from a week ago to three weeks ahead; earlier ones in the first. */
    private static VBox calendarStrip(ReviewerRecord r) {
        LocalDate today = r.today();
        LocalDate first = today.minusDays(STRIP_DAYS_BEFORE);
        GridPane strip = new GridPane();
        strip.setId("dueStrip");
        strip.setHgap(3);
        strip.setVgap(3);
        List<ReviewerRecord.OpenCase> open = r.openCases();
        long earlier = open.stream().filter(o -> o.dueDate() != null && o.dueDate().isBefore(first)).count();
        for (int d = 0; d <= STRIP_DAYS_BEFORE + STRIP_DAYS_AFTER; d++) {
            LocalDate day = first.plusDays(d);
            List<ReviewerRecord.OpenCase> due = open.stream().filter(o -> day.equals(o.dueDate())).toList();
            VBox cell = new VBox(2);
            cell.setPadding(new Insets(4));
            cell.setPrefWidth(72);
            cell.setMinHeight(64);
            Label date = new Label(DAY.format(day));
            date.setStyle("-fx-font-size: 0.85em;");
            cell.getChildren().add(date);
            int count = due.size() + (d == 0 ? (int) earlier : 0);
            if (count > 0) {
                Label n = new Label(count + " due" + (d == 0 && earlier > 0 ? " (" + earlier + " earlier)" : ""));
                n.setWrapText(true);
                n.setStyle("-fx-font-weight: bold; -fx-font-size: 0.85em;");
                cell.getChildren().add(n);
                Tooltip.install(cell, new Tooltip(String.join("\n", open.stream().filter(o -> o.dueDate() != null
                        && (day.equals(o.dueDate()) || (day.equals(first) && o.dueDate().isBefore(first))))
                        .map(o -> o.caseNumber() + " (" + o.status().label() + ", due " + o.dueDate() + ")").toList())));
            }
            boolean overdue = day.isBefore(today) && count > 0;
            boolean soon = !day.isBefore(today) && !day.isAfter(today.plusDays(ReviewerRecord.DUE_SOON_DAYS))
                    && count > 0;
            String fill = overdue ? "-color-danger-muted" : soon ? "-color-warning-muted"
                    : day.equals(today) ? "-color-accent-subtle" : "-color-bg-subtle";
            cell.setStyle("-fx-background-color: " + fill + "; -fx-border-color: "
                    + (day.equals(today) ? "-color-accent-emphasis" : "-color-border-muted") + ";");
            cell.getStyleClass().add(overdue ? "due-overdue" : soon ? "due-soon" : "due-none");
            strip.add(cell, d % 14, d / 14);
        }
        long overdueCount = open.stream().filter(o -> o.overdue(today)).count();
        long soonCount = open.stream().filter(o -> o.dueSoon(today)).count();
        Label title = new Label("Open cases by due date: " + open.size() + " open, " + overdueCount + " overdue, "
                + soonCount + " due within " + ReviewerRecord.DUE_SOON_DAYS + " days");
        title.setId("dueStripTitle");
        title.setStyle("-fx-font-weight: bold;");
        Label legend = new Label("Red: overdue. Amber: due soon. Outlined: today. The first cell also counts cases "
                + "due before it.");
        legend.getStyleClass().add("text-muted");
        return new VBox(6, title, strip, legend);
    }

    private static BarChart<String, Number> categories(ReviewerRecord r) {
        CategoryAxis x = new CategoryAxis();
        NumberAxis y = new NumberAxis(0, 100, 10);
        y.setLabel("% overturned");
        BarChart<String, Number> chart = new BarChart<>(x, y);
        chart.setId("categoryChart");
        chart.setTitle("Decisions by treatment category: share overturned, yours against the public letters'");
        chart.setAnimated(false);
        chart.setPrefHeight(320);
        XYChart.Series<String, Number> own = new XYChart.Series<>();
        own.setName("Your decisions");
        XYChart.Series<String, Number> pub = new XYChart.Series<>();
        pub.setName("Public letters");
        for (ReviewerRecord.CategoryRow row : r.categories()) {
            String label = shortLabel(row.categoryKey()) + "\n(" + row.ownTotal() + " / " + row.publicTotal() + ")";
            own.getData().add(new XYChart.Data<>(label, row.ownOverturnRate() == null ? 0 : 100 * row.ownOverturnRate()));
            pub.getData().add(new XYChart.Data<>(label, row.publicOverturnRate() == null ? 0
                    : 100 * row.publicOverturnRate()));
        }
        chart.getData().addAll(List.of(own, pub));
        return chart;
    }

    private static String shortLabel(String key) {
        return switch (key) {
            case "physical-therapy" -> "PT/OT";
            case "chiropractic" -> "chiro";
            case "acupuncture" -> "acupunct.";
            case "electrodiagnostic" -> "EMG/NCS";
            case "muscle-relaxant" -> "relaxant";
            case "tens-dme" -> "TENS/DME";
            case "nsaid" -> "NSAID";
            default -> key;
        };
    }

    private static void exportPng(Stage stage, VBox content) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the dashboard as PNG");
        chooser.setInitialFileName("reviewdesk-dashboard.png");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        File f = org.reviewdesk.ui.FilePicks.save(chooser, stage);
        if (f != null) {
            try {
                writePng(content, f);
            } catch (IOException e) {
                Dialogs.error(stage, "The PNG could not be written", e);
            }
        }
    }

    /** A snapshot of the dashboard as a PNG file (without javafx-swing: pixels copied into a BufferedImage). */
    static void writePng(VBox content, File f) throws IOException {
        SnapshotParameters params = new SnapshotParameters();
        WritableImage img = content.snapshot(params, null);
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader px = img.getPixelReader();
        for (int yy = 0; yy < h; yy++) {
            for (int xx = 0; xx < w; xx++) {
                out.setRGB(xx, yy, px.getArgb(xx, yy));
            }
        }
        if (!javax.imageio.ImageIO.write(out, "png", f)) {
            throw new IOException("no PNG writer available");
        }
    }

    private static void exportCsv(Stage stage, ReviewerRecord record) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the dashboard figures as CSV");
        chooser.setInitialFileName("reviewdesk-dashboard.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File f = org.reviewdesk.ui.FilePicks.save(chooser, stage);
        if (f != null) {
            try {
                Files.writeString(f.toPath(), record.toCsv(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                Dialogs.error(stage, "The CSV could not be written", e);
            }
        }
    }
}
