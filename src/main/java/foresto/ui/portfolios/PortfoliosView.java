package foresto.ui.portfolios;

import javafx.collections.ListChangeListener;
import javafx.application.Platform;
import foresto.ui.common.HoverText;
import foresto.ui.common.AssetClassText;
import foresto.i18n.Messages;
import foresto.engine.AssetClass;
import foresto.model.ListedPortfolio;
import foresto.text.PlainNumber;
import foresto.ui.common.ColumnFit;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.math.BigDecimal;
import java.util.function.BiPredicate;

/**
 * The Portfolios tab's nodes, bound to a {@link PortfoliosViewModel}: on the left every portfolio (name, weights,
 * active, id) with New, Copy, Edit and Deactivate; on the right the form, one weight field per asset class, the live
 * sum and what keeps Save disabled; below, the service's refusal in plain words with its code on a details line.
 */
public final class PortfoliosView extends BorderPane {
    /** Asks the analyst to confirm deactivating a portfolio (a dialog in the app). */
    @FunctionalInterface
    public interface Confirm extends BiPredicate<Window, String> {
    }

    private final TableView<ListedPortfolio> table = new TableView<>();

    public PortfoliosView(PortfoliosViewModel vm, Confirm confirm) {
        setId("portfoliosView");
        setPadding(new Insets(12));

        table.setId("portfolioTable");
        table.setItems(vm.getPortfolios());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        TableColumn<ListedPortfolio, String> name = new TableColumn<>(Messages.tr("portfolios.col.name"));
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().portfolio().name()));
        name.setPrefWidth(200);
        name.setMinWidth(140);
        HoverText.on(name); // a name longer than its column shows in full on hover
        table.getColumns().add(name);
        for (AssetClass c : AssetClass.values()) {
            table.getColumns().add(weightColumn(c));
        }
        TableColumn<ListedPortfolio, String> active = new TableColumn<>(Messages.tr("portfolios.col.active"));
        active.setCellValueFactory(c -> new ReadOnlyStringWrapper(Messages.tr(c.getValue().active() ? "common.yes" : "common.no")));
        active.setPrefWidth(70);
        active.setMinWidth(65);
        TableColumn<ListedPortfolio, Long> id = new TableColumn<>(Messages.tr("portfolios.col.id"));
        id.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().portfolio().portfolioId()));
        id.setPrefWidth(50);
        id.setMinWidth(45);
        id.setStyle("-fx-alignment: CENTER-RIGHT;");
        table.getColumns().add(active);
        table.getColumns().add(id);
        table.setPlaceholder(new Label(Messages.tr("portfolios.none")));
        ColumnFit.headersNeverCut(table);
        // the names in full where the window allows: the name column as wide as its longest name (up to a cap)
        ColumnFit.capAt(name, NAME_CAP);
        vm.getPortfolios().addListener((ListChangeListener<ListedPortfolio>) c -> Platform.runLater(() -> fitNames(name)));
        table.skinProperty().addListener((o, was, now) -> Platform.runLater(() -> fitNames(name)));
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> vm.selectedProperty().set(now));
        vm.selectedProperty().addListener((o, was, now) -> {
            if (table.getSelectionModel().getSelectedItem() != now) {
                table.getSelectionModel().select(now);
            }
        });
        table.setRowFactory(t -> {
            TableRow<ListedPortfolio> row = new TableRow<>() {
                @Override
                protected void updateItem(ListedPortfolio item, boolean empty) {
                    super.updateItem(item, empty);
                    setTooltip(item == null || empty ? null : new Tooltip(tooltip(item)));
                    setOpacity(item != null && !empty && !item.active() ? 0.55 : 1);
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    vm.edit(row.getItem());
                }
            });
            return row;
        });

        Button add = button(Messages.tr("portfolios.new"), "portfolioNewButton", vm::newPortfolio);
        Button copy = button(Messages.tr("portfolios.copy"), "portfolioCopyButton", () -> vm.copy(vm.selectedProperty().get()));
        Button edit = button(Messages.tr("portfolios.edit"), "portfolioEditButton", () -> vm.edit(vm.selectedProperty().get()));
        Button deactivate = button(Messages.tr("portfolios.deactivate"), "portfolioDeactivateButton", () -> {
            ListedPortfolio p = vm.selectedProperty().get();
            if (confirm.test(getScene() == null ? null : getScene().getWindow(), Messages.tr("portfolios.deactivateQuestion", p.portfolio().name()))) {
                vm.deactivate(p);
            }
        });
        var none = vm.selectedProperty().isNull().or(vm.busyProperty());
        copy.disableProperty().bind(none);
        edit.disableProperty().bind(none);
        deactivate.disableProperty().bind(none.or(Bindings.createBooleanBinding(
                () -> vm.selectedProperty().get() != null && !vm.selectedProperty().get().active(), vm.selectedProperty())));
        HBox actions = new HBox(8, add, copy, edit, deactivate);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox left = new VBox(8, table, actions);
        VBox.setVgrow(table, Priority.ALWAYS);

        setCenter(left);
        // the form below the list, not beside it: at 1280 × 800 the list then has the width for every column
        setBottom(new VBox(4, form(vm), messages(vm)));
    }

    /** The widest the name column grows for its names; a longer name shows in full on hover. */
    private static final double NAME_CAP = 220;

    /** The name column as wide as its longest name (up to {@link #NAME_CAP}), never narrower than its header. */
    private void fitNames(TableColumn<ListedPortfolio, String> name) {
        if (table.getSkin() == null) {
            return;
        }
        ColumnFit.toContent(table, table.getItems().size(), NAME_CAP);
        name.setMinWidth(Math.max(name.getMinWidth(), Math.min(NAME_CAP, name.getPrefWidth())));
    }

    /** One asset class's weight, a number sorted as one; blank where the class is not held. */
    private static TableColumn<ListedPortfolio, Double> weightColumn(AssetClass c) {
        TableColumn<ListedPortfolio, Double> col = new TableColumn<>(AssetClassText.of(c));
        col.setId("portfolioColumn" + c.name());
        col.setCellValueFactory(v -> new ReadOnlyObjectWrapper<>(v.getValue().portfolio().weights().get(c)));
        col.setCellFactory(t -> new TableCell<>() {
            @Override
            protected void updateItem(Double w, boolean empty) {
                super.updateItem(w, empty);
                setText(empty || w == null || w == 0 ? null : percent(w));
            }
        });
        col.setStyle("-fx-alignment: CENTER-RIGHT;");
        ColumnFit.textOf(col, w -> w == null || w == 0 ? "" : percent(w));
        col.setPrefWidth(80);
        col.setMinWidth(64);
        return col;
    }

    /** A weight as the exact percentage it is, as everywhere else on screen: 0.6 → "60 %", 0.125 → "12.5 %". */
    static String percent(double weight) {
        return PlainNumber.of(new BigDecimal(Double.toString(weight)).movePointRight(2)) + " %";
    }

    /** The tab, id {@code portfoliosTab}. */
    public static Tab tab(PortfoliosViewModel vm, Confirm confirm) {
        Tab t = new Tab(Messages.tr("portfolios.tab"), new PortfoliosView(vm, confirm));
        t.setId("portfoliosTab");
        return t;
    }

    /** A confirmation dialog with OK and Cancel. */
    public static boolean confirmDialog(Window owner, String question) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, question, ButtonType.OK, ButtonType.CANCEL);
        a.setTitle(Messages.tr("portfolios.deactivateTitle"));
        a.setHeaderText(null);
        if (owner != null) {
            a.initOwner(owner);
        }
        return a.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    /** The row's full text on hover: name, every weight, the description and whether it is active. */
    static String tooltip(ListedPortfolio p) {
        String description = p.portfolio().description();
        return Messages.tr(p.active() ? "portfolios.tooltipTitle" : "portfolios.tooltipTitleInactive", p.portfolio().name(),
                String.valueOf(p.portfolio().portfolioId())) + "\n"
                + PortfoliosViewModel.weightsText(p.portfolio().weights())
                + (description == null || description.isBlank() ? "" : "\n" + description);
    }

    public TableView<ListedPortfolio> table() {
        return table;
    }

    /** A line of text's height in font sizes. */
    private static final double LINE_HEIGHT = 1.4;

    private static VBox form(PortfoliosViewModel vm) {
        Label title = new Label();
        title.getStyleClass().add("title-4");
        title.textProperty().bind(Bindings.createStringBinding(() -> vm.editingProperty().get() == null
                ? Messages.tr("portfolios.newTitle") : Messages.tr("portfolios.editTitle", String.valueOf(vm.editingProperty().get())),
                vm.editingProperty()));
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        TextField name = new TextField();
        name.setId("portfolioNameField");
        name.setPromptText(Messages.tr("portfolios.namePrompt"));
        name.setMaxWidth(Double.MAX_VALUE);
        name.textProperty().bindBidirectional(vm.nameProperty());
        // the name, then one column per class: its name above its weight
        name.setPrefColumnCount(22);
        grid.add(new Label(Messages.tr("portfolios.name")), 0, 0);
        grid.add(name, 0, 1);
        int col = 1;
        for (AssetClass c : AssetClass.values()) {
            TextField w = new TextField();
            w.setId("portfolioWeight" + c.name());
            w.setPromptText("0");
            w.setMaxWidth(Double.MAX_VALUE);
            w.textProperty().bindBidirectional(vm.weightProperty(c));
            w.setPrefColumnCount(6);
            grid.add(new Label(Messages.tr("portfolios.weightLabel", c.name(), AssetClassText.of(c))), col, 0);
            grid.add(w, col++, 1);
        }
        Label hint = new Label(Messages.tr("portfolios.hint"));
        hint.getStyleClass().add("text-muted");
        hint.setWrapText(true);
        Label sum = new Label();
        sum.setId("portfolioSumLabel");
        sum.textProperty().bind(vm.sumTextProperty());
        sum.getStyleClass().add("text-bold");
        Label formError = new Label();
        formError.setId("portfolioFormError");
        formError.setWrapText(true);
        formError.getStyleClass().add("danger");
        formError.setStyle("-fx-text-fill: -color-danger-fg;");
        formError.textProperty().bind(vm.formErrorProperty());
        formError.visibleProperty().bind(vm.formErrorProperty().isNotEmpty());
        // always laid out (hidden, not removed), two lines tall: nothing above or below moves under the pointer as
        // the error comes and goes
        formError.setMinHeight(Region.USE_PREF_SIZE);
        formError.setMaxHeight(Region.USE_PREF_SIZE);
        formError.prefHeightProperty().bind(Bindings.createDoubleBinding(
                () -> 2 * formError.getFont().getSize() * LINE_HEIGHT, formError.fontProperty()));
        Button save = new Button(Messages.tr("portfolios.save"));
        save.setId("portfolioSaveButton");
        save.getStyleClass().add("accent");
        save.setDefaultButton(true);
        save.disableProperty().bind(vm.canSaveProperty().not());
        save.setOnAction(e -> vm.save());
        Button clear = button(Messages.tr("portfolios.clear"), "portfolioClearButton", vm::newPortfolio);
        HBox buttons = new HBox(8, save, clear);
        // the error below Save, so Save does not move under the pointer as the error comes and goes
        HBox sumAndButtons = new HBox(16, buttons, sum); // Save first: the sum's changing text does not move it
        sumAndButtons.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, title, grid, hint, sumAndButtons, formError);
        box.setPadding(new Insets(12, 0, 0, 0));
        return box;
    }

    private static VBox messages(PortfoliosViewModel vm) {
        Label error = new Label();
        error.setId("portfolioError");
        error.setWrapText(true);
        error.setStyle("-fx-text-fill: -color-danger-fg;");
        error.textProperty().bind(vm.errorProperty());
        Label details = new Label();
        details.setId("portfolioErrorDetails");
        details.setWrapText(true);
        details.getStyleClass().add("text-muted");
        details.textProperty().bind(vm.errorDetailsProperty());
        // always laid out (hidden, not removed) at a fixed height, two lines for the sentence and one for its code:
        // the form above keeps its place under the pointer as a refusal comes and goes; a longer one shows on hover
        int[] lines = {2, 1};
        Label[] labels = {error, details};
        for (int i = 0; i < labels.length; i++) {
            Label l = labels[i];
            int n = lines[i];
            l.visibleProperty().bind(l.textProperty().isNotEmpty());
            l.setMinHeight(Region.USE_PREF_SIZE);
            l.setMaxHeight(Region.USE_PREF_SIZE);
            l.prefHeightProperty().bind(Bindings.createDoubleBinding(
                    () -> n * l.getFont().getSize() * LINE_HEIGHT, l.fontProperty()));
            Tooltip whole = new Tooltip();
            whole.setWrapText(true);
            whole.setMaxWidth(600);
            whole.textProperty().bind(l.textProperty());
            l.setTooltip(whole);
        }
        Label status = new Label();
        status.setId("portfolioStatus");
        status.textProperty().bind(vm.statusProperty());
        VBox box = new VBox(4, error, details, status);
        box.setPadding(new Insets(10, 0, 0, 0));
        return box;
    }

    private static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }
}
