package foresto.ui.common;

import javafx.animation.PauseTransition;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.util.Duration;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Remembers where the analyst left a split pane's dividers: restored from the {@link UiState} (key
 * {@link UiState#SPLIT_PREFIX} + a name) and written a moment after each move. A screen without the state at hand names
 * its split ({@link #remember(String, SplitPane)}); the split then uses the state of the scene it is shown in
 * ({@link #install}).
 */
public final class SplitMemory {
    /** Key of a scene's property holding the app's remembered choices. */
    private static final String STATE_KEY = SplitMemory.class.getName() + ".state";
    private static final Duration SAVE_DELAY = Duration.millis(400);

    private SplitMemory() {
    }

    /** Makes {@code state} the remembered choices of every split shown in {@code scene}. */
    public static void install(Scene scene, UiState state) {
        scene.getProperties().put(STATE_KEY, state);
    }

    /** Remembers {@code split} under {@code name} in the state of the scene it is (or will be) shown in. */
    public static void remember(String name, SplitPane split) {
        ChangeListener<Scene> once = new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Scene> o, Scene was, Scene now) {
                if (now != null && now.getProperties().get(STATE_KEY) instanceof UiState state) {
                    split.sceneProperty().removeListener(this);
                    remember(state, name, split);
                }
            }
        };
        split.sceneProperty().addListener(once);
        once.changed(split.sceneProperty(), null, split.getScene());
    }

    /** Restores {@code split}'s divider positions from {@code state} under {@code name} and remembers them. */
    public static void remember(UiState state, String name, SplitPane split) {
        if (split == null) {
            return;
        }
        String key = UiState.SPLIT_PREFIX + name;
        state.get(key).ifPresent(v -> {
            try {
                double[] p = Arrays.stream(v.split(",")).mapToDouble(Double::parseDouble).toArray();
                if (p.length == split.getDividers().size() && Arrays.stream(p).allMatch(x -> x > 0 && x < 1)) {
                    split.setDividerPositions(p);
                }
            } catch (NumberFormatException e) {
                state.put(key, null);
            }
        });
        PauseTransition saveSoon = new PauseTransition(SAVE_DELAY);
        saveSoon.setOnFinished(e -> state.save());
        for (SplitPane.Divider d : split.getDividers()) {
            d.positionProperty().addListener((o, a, b) -> {
                state.put(key, Arrays.stream(split.getDividerPositions())
                        .mapToObj(x -> String.format(Locale.ROOT, "%.4f", x)).collect(Collectors.joining(",")));
                saveSoon.playFromStart();
            });
        }
    }
}
