package foresto.ui.common;

import foresto.ui.UiFixture;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Updates made a given number of frames later, once per request however often asked meanwhile; and the bounded
 * wait of a worker for the screen to draw. Frames are counted by a timer of the test's own. */
@ExtendWith(ApplicationExtension.class)
class LaterFrameTest {
    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new Pane(), 200, 100));
        stage.show();
    }

    /** Counts frames from its start; started before the LaterFrame's request, so it is called first in each frame. */
    private static AnimationTimer frameCounter(AtomicInteger frames) {
        return frameCounter(frames, 0, () -> { });
    }

    /** Counts frames, and runs {@code atFrame} in frame number {@code frame}. */
    private static AnimationTimer frameCounter(AtomicInteger frames, int frame, Runnable atFrame) {
        return new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (frames.incrementAndGet() == frame) {
                    atFrame.run();
                }
            }
        };
    }

    @Test
    void anUpdateIsMadeAtTheRequestedFrameOnceHoweverOftenItIsAskedFor(FxRobot robot) throws Exception {
        AtomicInteger frames = new AtomicInteger();
        List<Integer> ranAtFrame = new CopyOnWriteArrayList<>();
        LaterFrame[] later = new LaterFrame[1];
        later[0] = new LaterFrame(3, () -> ranAtFrame.add(frames.get()));
        AnimationTimer counter = frameCounter(frames, 2, () -> later[0].request()); // asked again while pending
        robot.interact(() -> {
            counter.start();
            later[0].request();
            later[0].request(); // asked again in the same event: still one update
            assertThat(later[0].pending()).isTrue();
        });
        UiFixture.waitUntil(() -> frames.get() >= 10);
        robot.interact(counter::stop);
        assertThat(ranAtFrame).as("made once, in the third frame after the request").containsExactly(3);
        assertThat(later[0].pending()).isFalse();

        // once made, a new request makes a new update
        frames.set(0);
        robot.interact(() -> {
            counter.start();
            later[0].request();
        });
        UiFixture.waitUntil(() -> frames.get() >= 6);
        robot.interact(counter::stop);
        assertThat(ranAtFrame).containsExactly(3, 3);
    }

    @Test
    void runNowMakesAPendingUpdateAtOnceAndNothingWhenNoneIsPending(FxRobot robot) {
        AtomicInteger runs = new AtomicInteger();
        LaterFrame later = new LaterFrame(1000, runs::incrementAndGet);
        robot.interact(() -> {
            later.runNow();
            assertThat(runs.get()).isZero();
            later.request();
            later.runNow();
            assertThat(runs.get()).isEqualTo(1);
            assertThat(later.pending()).isFalse();
            later.runNow();
        });
        robot.sleep(100); // frames pass: the timer was stopped, nothing more runs
        assertThat(runs.get()).isEqualTo(1);
    }

    @Test
    void aWorkerWaitsForTheScreenToDrawThreeFramesButNoLongerThanItsLimit(FxRobot robot) throws Exception {
        FxTaskExecutor executor = new FxTaskExecutor();
        AtomicInteger frames = new AtomicInteger();
        AnimationTimer counter = frameCounter(frames);
        robot.interact(counter::start);
        int[] atShow = new int[1];
        executor.onUiThreadUntilDrawn(() -> atShow[0] = frames.get(), 30_000);
        int atReturn = frames.get();
        assertThat(atReturn - atShow[0]).as("frames between the update and the end of the wait").isGreaterThanOrEqualTo(3);

        // the FX thread held up: the worker goes on at its limit, without waiting for the frames
        CountDownLatch release = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        AtomicBoolean shown = new AtomicBoolean();
        executor.onUiThreadUntilDrawn(() -> shown.set(true), 200);
        boolean shownWhenReturned = shown.get();
        release.countDown();
        assertThat(shownWhenReturned).as("returned while the FX thread was still held").isFalse();
        UiFixture.waitUntil(shown::get);
        robot.interact(counter::stop);
    }
}
