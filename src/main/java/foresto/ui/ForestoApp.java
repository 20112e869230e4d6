package foresto.ui;

import foresto.backtest.Backend;
import foresto.config.AppConfig;
import foresto.i18n.Messages;
import foresto.ui.common.Fonts;
import foresto.ui.common.FxTaskExecutor;
import foresto.ui.common.TaskExecutor;
import foresto.ui.common.UiError;
import foresto.ui.common.UiState;
import foresto.ui.i18n.UiLanguage;
import foresto.ui.main.RunModel;
import javafx.animation.Animation;
import javafx.animation.Interpolator;
import javafx.animation.RotateTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.layout.Border;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.BorderStrokeStyle;
import javafx.scene.layout.BorderWidths;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Arc;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;

import java.nio.file.Path;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * The desktop app: the splash at once, progress while the database starts (begun by {@link DesktopLauncher}
 * before JavaFX, see {@link Startup}; the embedded PostgreSQL's first start unpacks binaries and loads sample
 * data), then the main window, then a background warm-up so the first Run is quick.
 */
public final class ForestoApp extends Application {
    private Backend backend;

    @Override
    public void start(Stage stage) {
        AppConfig config = Startup.config(); // read once by the launcher
        // the language before the first text: the remembered choice, else the machine's
        UiLanguage.apply(new UiState(uiStateFile(config)));
        // the splash first: shapes and text only, no controls, so no style sheet has to be parsed before it shows;
        // none when the java launcher already shows its picture (see NativeSplash): that one stays until the main
        // window is drawn, so the screen goes from the splash straight to the window
        message = new Text(Messages.tr("startup.database"));
        Arc spinner = new Arc(0, 0, 14, 14, 90, 270);
        spin = new RotateTransition(Duration.seconds(1), spinner);
        spin.setByAngle(360);
        spin.setCycleCount(Animation.INDEFINITE);
        spin.setInterpolator(Interpolator.LINEAR);
        stage.setTitle(Messages.tr("app.title"));
        stage.setScene(splashScene(message, spinner));
        launcherSplash = NativeSplash.up();
        if (!launcherSplash) {
            showSplash(stage);
        }
        Startup.onProgress(msg -> Platform.runLater(() -> message.setText(msg)));
        TaskExecutor executor = new FxTaskExecutor();
        // the bundled font (two 6 MB faces) off the FX thread, then wait for the database
        Fonts.cacheIn(config.dataDirectory().resolve("fonts"));
        executor.submit("start", () -> {
            Fonts.load();
            return Startup.beginBackend(config).join();
        }, b -> {
            backend = b;
            whenBuilt(() -> attach(stage, b, config, executor));
        }, t -> {
            spin.stop();
            UiError e = UiError.of(Messages.tr("startup.failed"), t.getCause() != null
                    && t instanceof CompletionException ? t.getCause() : t);
            message.setText(e.describe());
            if (shell != null) {
                shell.starting(e.describe());
            }
            if (!stage.isShowing()) {
                showSplash(stage); // the error needs a window; the launcher's picture gives way
            }
            closeLauncherSplash();
            Startup.failed(stage, e);
        }, () -> { });
        // then the window's screens (FXML, style sheets), shown at once with the start-up progress in its status bar
        // if the database is still starting
        Platform.runLater(() -> {
            // FXML and classes first (no style applied yet), then the theme, which waits for the font if still loading
            shell = MainWindow.shell(config.currency(), true);
            Startup.mark("main window built");
            MainWindow.applyTheme();
            Startup.mark("theme and font ready");
            if (!Startup.beginBackend(config).isDone()) {
                spin.stop();
                shell.showStarting(stage, message.getText());
                Startup.onProgress(msg -> Platform.runLater(() -> shell.starting(msg)));
                Startup.mark("main window shown (starting)");
                Startup.whenDrawn(this::closeLauncherSplash);
            }
            Runnable then = afterBuilt;
            afterBuilt = null;
            if (then != null) {
                then.run();
            }
        });
    }

    private MainWindow.Shell shell;
    private Runnable afterBuilt;
    private RotateTransition spin;
    private Text message;
    /** Whether the java launcher's splash is up (this JVM's, or the first JVM's waiting for this one). */
    private boolean launcherSplash;

    /** Shows the JavaFX splash (its scene is set), in the middle of the screen, where the launcher's would be. */
    private void showSplash(Stage stage) {
        Rectangle2D screen = Screen.getPrimary().getBounds();
        stage.setX(screen.getMinX() + (screen.getWidth() - SPLASH_WIDTH) / 2);
        stage.setY(screen.getMinY() + (screen.getHeight() - SPLASH_HEIGHT) / 2);
        spin.play();
        stage.show();
        Startup.mark("splash shown");
    }

    /** Closes the launcher's splash once a window of this app is on screen (once; nothing when there is none). */
    private void closeLauncherSplash() {
        if (launcherSplash) {
            launcherSplash = false;
            NativeSplash.close();
            Startup.mark("launcher splash closed");
        }
    }

    /** Runs {@code r} once the shell is built (FX thread). */
    private void whenBuilt(Runnable r) {
        if (shell != null) {
            r.run();
        } else {
            afterBuilt = r;
        }
    }

    private void attach(Stage stage, Backend b, AppConfig config, TaskExecutor executor) {
        spin.stop();
        MainWindow w = shell.attach(b.backtests(), b.rules(), b.imports(), b.portfolios(), executor,
                new UiState(uiStateFile(config)), MainWindow.ExportChooser.fileChooser());
        Startup.mark("main window attached");
        w.showIn(stage);
        Startup.mark("main window shown");
        Startup.whenDrawn(this::closeLauncherSplash);
        if (!b.backtests().flags().useRebalancing()) {
            stage.setTitle(Messages.tr("app.titleRebalancingDisabled"));
        }
        whenUsable(w, () -> {
            Startup.mark("usable (lists loaded)");
            // once that is on screen (the warm-up would compete with the first frame for the CPU): warm the engine
            // and the dataset cache in the background, so the first Run is fast
            Startup.whenDrawn(() -> {
                Startup.mark("usable and drawn");
                // the warm-up's run is made ready for the screen once, on the worker; the FX thread only shows it
                executor.submit("warm-up", () -> b.backtests().warmUp().map(v -> RunModel.of(v, false)), model -> {
                    Runnable then = () -> {
                        Startup.mark("warm-up done");
                        attachTabs(w, () -> model.ifPresent(m -> Startup.mark("tables primed (" + w.primeTables(m) + ")")));
                    };
                    if (model.isPresent()) {
                        MainWindow.warmScreen(model.get(), then); // and the screen's code, off screen
                    } else {
                        then.run();
                    }
                }, t -> attachTabs(w, () -> { }), () -> { });
            });
        });
    }

    /** Where the remembered choices of the screens (and the language) are kept. */
    private static Path uiStateFile(AppConfig config) {
        return config.dataDirectory().resolve("ui-state.properties");
    }

    /** The splash's size; the launcher's splash image (resources/foresto/ui/splash.png) is this scene drawn. */
    static final int SPLASH_WIDTH = 520;
    static final int SPLASH_HEIGHT = 220;
    private static final String SPLASH_TITLE = "Foresto Rebalancing Lab";

    /** The splash: the app's name, {@code spinner} (an arc, styled here) and {@code message} on white. */
    static Scene splashScene(Text message, Arc spinner) {
        // the product's name as the launcher's splash picture shows it (drawn at build time, in one language)
        Text title = new Text(SPLASH_TITLE);
        title.setFont(Font.font(null, FontWeight.BOLD, 20));
        message.setFill(Color.web("#57606a"));
        spinner.setFill(null);
        spinner.setStroke(Color.web("#0969da"));
        spinner.setStrokeWidth(3);
        VBox splash = new VBox(14, title, new Group(spinner), message);
        splash.setAlignment(Pos.CENTER);
        // a thin frame: the launcher shows the same picture without a window around it
        splash.setBorder(new Border(new BorderStroke(Color.web("#d0d7de"),
                BorderStrokeStyle.SOLID, null, new BorderWidths(1))));
        return new Scene(splash, SPLASH_WIDTH, SPLASH_HEIGHT, Color.WHITE);
    }

    /** The tabs not yet in the window (Rules, History, Sweep, the lower tabs) join it, one every 150 ms; then {@code then}. */
    private static void attachTabs(MainWindow w, Runnable then) {
        w.attachDeferredTabsGradually(Duration.millis(150), () -> {
            Startup.mark("all tabs attached");
            then.run();
            Startup.started();
        });
    }

    /** Runs {@code then} once the window's lists have loaded (Run can be pressed). */
    private static void whenUsable(MainWindow w, Runnable then) {
        var busy = w.mainViewModel().busyProperty();
        if (!busy.get() && !w.mainViewModel().getPortfolios().isEmpty()) {
            then.run();
            return;
        }
        busy.addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                if (!now) {
                    busy.removeListener(this);
                    then.run();
                }
            }
        });
    }

    @Override
    public void stop() {
        if (backend != null) {
            backend.close();
            return;
        }
        // closed during the splash: the database may still be starting; stop it once it has (no server left behind)
        try {
            Startup.beginBackend(Startup.config()).get(30, TimeUnit.SECONDS).close();
        } catch (Exception notStarted) {
            // it failed to start or is still starting after 30 s: nothing of ours to stop now (the next start
            // finds a leftover server by its postmaster.pid and stops it)
        }
    }
}
