package foresto.ui.common;

import static foresto.i18n.Messages.tr;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The exports every chart and table of a scene offers, installed once on the scene (so a chart or table added later,
 * a tab built on first use, has them too): a right click on a chart opens "Save image…" (a PNG of the chart at its
 * size on screen), a right click on a table "Copy as table", and Ctrl+C (⌘C) in a table copies it too
 * ({@link TableClipboard}). Which nodes are charts the caller says, so this package knows no screen.
 */
public final class ScreenExports {
    /** The menu items' texts. */
    public static final String SAVE_IMAGE = "common.saveImage";
    public static final String COPY_TABLE = "common.copyTable";
    /** What the save dialog says it saves ("Save chart image as PNG: valueChart.png"). */
    public static final String SAVE_IMAGE_TITLE = "common.saveImageTitle";
    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

    /** Asks where to save: {@code what} is exported, {@code suggestedName} the file name offered; empty when cancelled. */
    @FunctionalInterface
    public interface SaveTarget {
        Optional<Path> choose(String what, String suggestedName);
    }

    /** Writes a node's picture as PNG. FX thread. */
    @FunctionalInterface
    public interface ImageWriter {
        void write(Node node, Path file) throws IOException;
    }

    private final Predicate<Node> isChart;
    private final Function<Node, String> imageName;
    private final SaveTarget target;
    private final ImageWriter writer;
    private final Consumer<Throwable> failures;
    private ContextMenu shown;

    private ScreenExports(Predicate<Node> isChart, Function<Node, String> imageName, SaveTarget target,
                          ImageWriter writer, Consumer<Throwable> failures) {
        this.isChart = isChart;
        this.imageName = imageName;
        this.target = target;
        this.writer = writer;
        this.failures = failures;
    }

    /**
     * Installs the menus and the shortcut on {@code scene}.
     *
     * @param isChart   which nodes are charts
     * @param imageName the PNG file name offered for a chart
     * @param target    where to save
     * @param writer    writes the PNG
     * @param failures  where a failed save goes (an error dialog)
     */
    public static ScreenExports install(Scene scene, Predicate<Node> isChart, Function<Node, String> imageName,
                                        SaveTarget target, ImageWriter writer, Consumer<Throwable> failures) {
        ScreenExports exports = new ScreenExports(isChart, imageName, target, writer, failures);
        scene.getProperties().put(ScreenExports.class, exports); // a screen's own save button finds it here
        scene.addEventFilter(ContextMenuEvent.CONTEXT_MENU_REQUESTED, exports::onContextMenu);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (COPY.match(e) && !(scene.getFocusOwner() instanceof TextInputControl)) {
                TableView<?> table = ancestor(scene.getFocusOwner(), TableView.class::isInstance, TableView.class);
                if (table != null) {
                    TableClipboard.copy(table);
                    e.consume();
                }
            }
        });
        return exports;
    }

    /**
     * Saves {@code chart} as PNG where the analyst chooses (the "Save image…" item): the file written, empty when the
     * analyst cancelled or the write failed (the failure went to the installer's handler).
     */
    public Optional<Path> saveImage(Node chart) {
        Optional<Path> file = target.choose(tr(SAVE_IMAGE_TITLE), imageName.apply(chart));
        if (file.isEmpty()) {
            return file;
        }
        try {
            writer.write(chart, file.get());
            return file;
        } catch (IOException | RuntimeException e) {
            failures.accept(e);
            return Optional.empty();
        }
    }

    /**
     * "Save image…" for a screen's own button beside a chart: the same dialog, name and writer as the chart's right
     * click, through the exports installed on the chart's scene. The file written; empty when cancelled, failed, or
     * when the chart is in no scene with exports installed.
     */
    public static Optional<Path> saveImageOf(Node chart) {
        Scene scene = chart.getScene();
        return scene != null && scene.getProperties().get(ScreenExports.class) instanceof ScreenExports exports
                ? exports.saveImage(chart) : Optional.empty();
    }

    private void onContextMenu(ContextMenuEvent e) {
        Node picked = e.getPickResult() == null ? null : e.getPickResult().getIntersectedNode();
        Node from = picked != null ? picked : e.getTarget() instanceof Node n ? n : null;
        if (from == null || ancestor(from, TextInputControl.class::isInstance, Node.class) != null) {
            return; // a text field keeps its own menu
        }
        Node chart = ancestor(from, isChart, Node.class);
        TableView<?> table = chart == null ? ancestor(from, TableView.class::isInstance, TableView.class) : null;
        MenuItem item;
        Node owner;
        if (chart != null) {
            item = new MenuItem(tr(SAVE_IMAGE));
            item.setId("saveChartImageItem");
            item.setOnAction(a -> saveImage(chart));
            owner = chart;
        } else if (table != null) {
            item = new MenuItem(tr(COPY_TABLE));
            item.setId("copyTableItem");
            item.setOnAction(a -> TableClipboard.copy(table));
            owner = table;
        } else {
            return;
        }
        if (shown != null) {
            shown.hide();
        }
        shown = new ContextMenu(item);
        shown.show(owner, e.getScreenX(), e.getScreenY());
        e.consume();
    }

    /** {@code node} or its nearest ancestor that {@code test} accepts, or null. */
    private static <T> T ancestor(Node node, Predicate<Node> test, Class<T> type) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (test.test(n)) {
                return type.cast(n);
            }
        }
        return null;
    }
}
