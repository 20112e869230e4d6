package foresto.ui.common;

import javafx.animation.AnimationTimer;

/**
 * An update made a few frames after it was asked for, once however often it is asked for meanwhile: a run's result
 * then reaches the screen in steps (the charts first, the tables a frame or two later), each frame's styling,
 * layout and software painting short enough for the screen to keep answering, instead of one long frame. FX thread.
 */
public final class LaterFrame {
    private final int frames;
    private final Runnable update;
    private int left = -1;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (--left <= 0) {
                runNow();
            }
        }
    };

    /** {@code update} runs at the start of the {@code frames}-th frame after a {@link #request()} (before its layout). */
    public LaterFrame(int frames, Runnable update) {
        this.frames = frames;
        this.update = update;
    }

    /** Asks for the update; one already asked for keeps its frame. */
    public void request() {
        if (left < 0) {
            left = frames;
            timer.start();
        }
    }

    /** Whether an update is asked for and not yet made. */
    public boolean pending() {
        return left >= 0;
    }

    /** Makes an asked-for update now (nothing when none is pending). */
    public void runNow() {
        if (left >= 0) {
            timer.stop();
            left = -1;
            update.run();
        }
    }
}
