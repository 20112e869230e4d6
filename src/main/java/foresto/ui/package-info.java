/**
 * The desktop app (JavaFX). One screen = FXML + controller (binds only) + view-model (properties, no
 * Node); view-models talk to the backtest services and do all work through an injected
 * {@link foresto.ui.common.TaskExecutor}, so the FX thread never waits on the engine or the database.
 */
package foresto.ui;
