package foresto.ui;

import foresto.backtest.Backend;
import foresto.config.AppConfig;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The desktop app: shows progress while the database starts (the embedded PostgreSQL's first start
 * unpacks binaries and loads sample data), then the main window. Launched by {@link DesktopLauncher}.
 */
public final class ForestoApp extends Application {
    private Backend backend;

    @Override
    public void start(Stage stage) {
        MainWindow.applyTheme();
        Label message = new Label("Starting the database …");
        VBox splash = new VBox(new Label("Foresto Rebalancing Lab"), new ProgressIndicator(), message);
        splash.getStyleClass().add("splash");
        stage.setTitle("Foresto Rebalancing Lab");
        stage.setScene(new Scene(splash, 520, 220));
        stage.show();
        AppConfig config = AppConfig.load();
        TaskExecutor executor = new FxTaskExecutor();
        executor.submit("start", () -> Backend.start(config, msg -> Platform.runLater(() -> message.setText(msg))), b -> {
            backend = b;
            MainWindow w = MainWindow.create(b.backtests(), b.rules(), b.imports(), executor,
                    new UiState(config.dataDirectory().resolve("ui-state.properties")), MainWindow.ExportChooser.fileChooser());
            w.showIn(stage);
            if (!b.backtests().flags().useRebalancing()) {
                stage.setTitle(stage.getTitle() + " (rebalancing disabled)");
            }
        }, t -> {
            UiError e = UiError.of("Foresto could not start", t);
            message.setText(e.describe());
            MainWindow.showError(stage, e);
        }, () -> { });
    }

    @Override
    public void stop() {
        if (backend != null) {
            backend.close();
        }
    }
}
