package foresto.ui;

import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Contents of tabs not in view, held out of the window until the tab is first selected or {@link #attachAll} is
 * called: JavaFX styles and lays out every node of a window, seen or not, so at start-up the Rules, History and
 * Sweep screens (~800 of ~1,400 nodes) would double the first show's work. FX thread.
 */
final class DeferredTabs {
    private final Map<Tab, Node> waiting = new LinkedHashMap<>();

    private DeferredTabs() {
    }

    /** Holds back the contents of {@code pane}'s tabs that are not selected now. */
    static DeferredTabs of(TabPane pane) {
        DeferredTabs d = new DeferredTabs();
        pane.getTabs().forEach(d::defer);
        return d;
    }

    /** Holds back {@code tab}'s content until it is selected (nothing when it is selected or empty). */
    void defer(Tab tab) {
        if (tab.isSelected() || tab.getContent() == null || waiting.containsKey(tab)) {
            return;
        }
        waiting.put(tab, tab.getContent());
        tab.setContent(null);
        tab.selectedProperty().addListener((o, was, now) -> {
            if (now) {
                attach(tab);
            }
        });
    }

    /** Puts every held-back content into its tab. */
    void attachAll() {
        new ArrayList<>(waiting.keySet()).forEach(this::attach);
    }

    /** Puts the first held-back content into its tab; false when none was waiting. */
    boolean attachNext() {
        if (waiting.isEmpty()) {
            return false;
        }
        attach(waiting.keySet().iterator().next());
        return true;
    }

    private void attach(Tab tab) {
        Node content = waiting.remove(tab);
        if (content != null) {
            tab.setContent(content);
        }
    }
}
