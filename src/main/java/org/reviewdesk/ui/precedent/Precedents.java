package org.reviewdesk.ui.precedent;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.reviewdesk.service.PrecedentService;
import org.reviewdesk.service.Workbench;
import org.reviewdesk.ui.Background;

/**
 * The precedent features' hold on the unlocked store: the window installs it once at unlock (so that the item
 * editors' "Similar decisions" sections, the import action and the dashboard find the service without being
 * handed it through every constructor), and gets back the first-run offer for the status bar.
 */
public final class Precedents {
    private static volatile PrecedentService service;
    private static volatile Stage owner;
    private static final ReadOnlyIntegerWrapper imported = new ReadOnlyIntegerWrapper();
    /** How the import asks for a folder; replaced only by tests (the native chooser cannot be driven there). */
    static java.util.function.Function<javafx.stage.Window, java.io.File> folderChooser = w -> {
        javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
        chooser.setTitle("Folder of published IMR determination letters (PDF or text)");
        return org.reviewdesk.ui.FilePicks.folder(chooser, w);
    };

    private Precedents() {
    }

    /**
     * Registers the unlocked store's precedent service and returns the first-run offer: a line in the status bar,
     * shown while the library holds no letters and the reviewer has not dismissed it; it never blocks the window.
     */
    public static Node install(Workbench w, Stage stage) {
        service = w.precedents();
        owner = stage;
        HBox offer = new HBox(6);
        offer.setId("precedentOffer");
        offer.setAlignment(Pos.CENTER_LEFT);
        HBox.setMargin(offer, new Insets(0, 0, 0, 12));
        // Short, so that the status bar never widens the window's layout; and out of the focus order (the File
        // menu has the same command for the keyboard), so that the window's first focus and Enter never land on it.
        Hyperlink importNow = new Hyperlink("Import published IMR decisions…");
        importNow.setId("precedentOfferImport");
        importNow.setFocusTraversable(false);
        importNow.setTooltip(new Tooltip("See how other reviewers decided similar requests: import a folder of "
                + "published determination letters (PDF or text). Also in the File menu."));
        Button notNow = new Button("Not now");
        notNow.setId("precedentOfferDismiss");
        notNow.getStyleClass().add("flat");
        notNow.setFocusTraversable(false);
        offer.getChildren().addAll(new Separator(Orientation.VERTICAL), importNow, notNow);
        for (Node n : offer.getChildren()) {
            if (n instanceof Region r) {
                r.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        offer.setMaxWidth(Region.USE_PREF_SIZE);
        Runnable hide = () -> {
            offer.setVisible(false);
            offer.setManaged(false);
        };
        hide.run();
        Runnable dismiss = () -> {
            hide.run();
            Background.run(() -> {
                service.dismissOffer();
                return true;
            }, x -> { }, t -> { });
        };
        importNow.setOnAction(e -> {
            dismiss.run();
            ImportLetters.chooseAndImport(stage);
        });
        notNow.setOnAction(e -> dismiss.run());
        // shown while the library holds no letters and the reviewer has not dismissed the offer; an import hides it
        PrecedentService s = service;
        Background.run(() -> s.letterCount() == 0 && !s.offerDismissed(), show -> {
            offer.setVisible(show);
            offer.setManaged(show);
        }, t -> { });
        javafx.beans.InvalidationListener hideAfterImport = o -> hide.run();
        offer.getProperties().put("hideAfterImport", hideAfterImport); // held by the offer; the listener is weak
        imported.addListener(new javafx.beans.WeakInvalidationListener(hideAfterImport));
        return offer;
    }

    /** Counts the imports that added letters: the Similar decisions sections look again when it changes. */
    static ReadOnlyIntegerProperty imported() {
        return imported.getReadOnlyProperty();
    }

    /** After an import that added letters (FX thread). */
    static void lettersAdded() {
        imported.set(imported.get() + 1);
    }

    /** The service of the unlocked store, or null before unlocking. */
    static PrecedentService service() {
        return service;
    }

    /**
     * What similar precedents cited, as a boost for the guideline picker's ranking (entry id to weight);
     * empty before unlocking, with an empty library, or when the library cannot be read. Not on the FX thread.
     */
    public static java.util.Map<String, Double> citationBoost(String request, String summary, String category,
                                                              String caseNumber) {
        PrecedentService s = service;
        if (s == null || request == null || request.isBlank()) {
            return java.util.Map.of();
        }
        try {
            return s.citationBoost(request, summary, category, caseNumber);
        } catch (Exception e) {
            return java.util.Map.of();
        }
    }

    static Stage owner() {
        return owner;
    }

    /** View > Dashboard. */
    public static void openDashboard() {
        if (service != null) {
            DashboardWindow.show(owner, service);
        }
    }

    /** File > Import published decisions. */
    public static void importFolder() {
        if (service != null) {
            ImportLetters.chooseAndImport(owner);
        }
    }
}
