package foresto.ui.studies;

import foresto.i18n.Messages;
import foresto.engine.BaseDayPolicy;
import foresto.study.StudyCell;
import foresto.study.StudyOutput;
import foresto.study.StudyResult;
import foresto.study.Vanguard2010;
import foresto.ui.chart.TimeSeriesChart;
import foresto.ui.common.ColumnFit;
import foresto.ui.common.Forms;
import foresto.ui.common.NumberColumn;
import foresto.ui.common.ScreenExports;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Studies tab's nodes, bound to a {@link StudiesViewModel}: the base-day choice, Run and the exports; the table
 * of ours vs published for every column and figure (a figure outside its tolerance marked OUTSIDE, in red); the count
 * and the note; the equity weight over time for Never vs M 0% vs A 5%.
 */
public final class StudiesView extends BorderPane {
    private static final double ROW_HEIGHT = 28;
    /** The two header rows (figure, then ours / published) and the borders. */
    private static final double HEADER_HEIGHT = 90;
    private final TimeSeriesChart chart = StudyChart.chart();
    private final TableView<StudyCell> table = new TableView<>();

    /**
     * @param exportTarget where to write the CSV export, asked with a suggested file name (empty: the analyst cancelled);
     *                     the chart's PNG is saved as every chart's right-click "Save image…" saves it
     */
    public StudiesView(StudiesViewModel vm, Function<String, Optional<Path>> exportTarget) {
        setId("studiesView");
        ToggleGroup days = new ToggleGroup();
        ToggleButton last = dayButton(Messages.tr("studies.lastDay"), BaseDayPolicy.LAST_TRADING_DAY, days, "studyBaseDayLast");
        ToggleButton first = dayButton(Messages.tr("studies.firstDay"), BaseDayPolicy.FIRST_TRADING_DAY, days, "studyBaseDayFirst");
        days.selectToggle(vm.baseDayProperty().get() == BaseDayPolicy.FIRST_TRADING_DAY ? first : last);
        days.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                days.selectToggle(a); // one base day is always chosen
            } else {
                vm.baseDayProperty().set((BaseDayPolicy) b.getUserData());
            }
        });
        vm.baseDayProperty().addListener((o, a, b) -> days.selectToggle(b == BaseDayPolicy.FIRST_TRADING_DAY ? first : last));
        HBox dayChoice = new HBox(0, last, first);
        Button run = new Button(Messages.tr("studies.run"));
        run.setId("studyRunButton");
        run.getStyleClass().add("accent");
        run.setOnAction(e -> vm.run());
        run.disableProperty().bind(vm.busyProperty());
        Button csv = new Button(Messages.tr("studies.exportCsv"));
        csv.setId("studyExportCsvButton");
        csv.disableProperty().bind(vm.resultProperty().isNull().or(vm.busyProperty()));
        csv.setOnAction(e -> exportTarget.apply(Vanguard2010.NAME + ".csv").ifPresent(vm::exportCsv));
        Button picture = new Button(Messages.tr("studies.exportPng"));
        picture.setId("studyExportPngButton");
        picture.disableProperty().bind(vm.resultProperty().isNull().or(vm.busyProperty()));
        picture.setOnAction(e -> ScreenExports.saveImageOf(chart).ifPresent(vm::chartExported));
        Label heading = new Label(Vanguard2010.TITLE);
        heading.getStyleClass().add("summary-header");
        Label count = new Label();
        count.setId("studyCount");
        count.getStyleClass().add("summary-header");
        FlowPane form = new FlowPane(10, 8, heading, Forms.labelled(Messages.tr("studies.baseDay"), dayChoice), run, csv, picture, count);
        form.setAlignment(Pos.CENTER_LEFT);
        form.setPadding(new Insets(8));
        setTop(form);

        buildTable();
        chart.setId("studyChart");
        chart.setMinHeight(220);
        VBox centre = new VBox(6, table, chart);
        VBox.setVgrow(chart, Priority.ALWAYS);
        centre.setPadding(new Insets(0, 8, 0, 8));
        setCenter(centre);

        Label note = new Label(Messages.tr("studies.note", Vanguard2010.NOTE, Vanguard2010.TOLERANCES));
        note.setId("studyNote");
        note.setWrapText(true);
        note.getStyleClass().add("text-muted");
        Label status = new Label();
        status.setId("studyStatus");
        status.textProperty().bind(vm.statusProperty());
        status.setWrapText(true);
        VBox bottom = new VBox(2, note, status);
        bottom.setPadding(new Insets(4, 8, 6, 8));
        setBottom(bottom);

        vm.resultProperty().addListener((o, a, r) -> show(r, count));
        show(vm.resultProperty().get(), count);
    }

    private void show(StudyResult r, Label count) {
        table.getItems().setAll(r == null ? List.of() : r.cells());
        count.setText(r == null ? "" : Messages.tr("studies.count", r.countText(), StudyChart.baseDayWord(r.baseDay())));
        StudyChart.show(chart, r);
    }

    /** One row per column of the paper; per figure ours (marked when outside its tolerance) and published. */
    private void buildTable() {
        table.setId("studyTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setPlaceholder(new Label(Messages.tr("studies.placeholder")));
        // all eleven rows in view at 1400 × 900 with room for the chart: rows a little lower than the app's tables'
        // (an inline style, because the style sheet's row height would override a value set in code)
        table.setStyle("-fx-fixed-cell-size: " + ROW_HEIGHT + "px;");
        table.setPrefHeight(Vanguard2010.COLUMNS.size() * ROW_HEIGHT + HEADER_HEIGHT);
        table.setMinHeight(Region.USE_PREF_SIZE);
        TableColumn<StudyCell, String> name = new TableColumn<>(Messages.tr("studies.col.column"));
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().column()));
        table.getColumns().add(name);
        for (StudyOutput.Figure f : StudyOutput.Figure.values()) {
            TableColumn<StudyCell, String> group = new TableColumn<>(f.label());
            TableColumn<StudyCell, String> ours = new TableColumn<>(Messages.tr("studies.col.ours"));
            ours.setId("study-" + f.key() + "-ours");
            ours.setCellValueFactory(c -> new ReadOnlyStringWrapper(oursText(f, c.getValue())));
            ours.setCellFactory(col -> new MarkedCell());
            Comparator<String> byNumber = NumberColumn.sortedByNumber(ours).getComparator();
            ours.setComparator((x, y) -> byNumber.compare(withoutMark(x), withoutMark(y))); // by value, marked or not
            TableColumn<StudyCell, String> published = new TableColumn<>(Messages.tr("studies.col.published"));
            published.setCellValueFactory(c -> new ReadOnlyStringWrapper(f.formatPublished(f.of(c.getValue().published()))));
            published.setId("study-" + f.key() + "-published");
            NumberColumn.sortedByNumber(published);
            group.getColumns().setAll(List.of(ours, published));
            table.getColumns().add(group);
        }
        ColumnFit.headersNeverCut(table);
    }

    /** "62.88 % OUTSIDE" → "62.88 %": the figure without its mark, for sorting by value. */
    static String withoutMark(String text) {
        String mark = " " + outside();
        return text != null && text.endsWith(mark) ? text.substring(0, text.length() - mark.length()) : text;
    }

    /** "61.24 %" when within, "62.88 % OUTSIDE" when not. */
    static String oursText(StudyOutput.Figure f, StudyCell c) {
        String v = f.format(f.of(c.ours()));
        return f.of(c.within()) ? v : v + " " + outside();
    }

    /** The mark of a figure outside its tolerance ("OUTSIDE"), in the analyst's language. */
    static String outside() {
        return Messages.tr("studies.outside");
    }

    /** A cell that turns red when it says OUTSIDE. */
    private static final class MarkedCell extends TableCell<StudyCell, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
            getStyleClass().remove("error-label");
            if (!empty && item != null && item.endsWith(outside())) {
                getStyleClass().add("error-label");
            }
        }
    }

    /** The Studies tab with this view; it runs the study the first time it is selected. */
    public static Tab tab(StudiesViewModel vm, Function<String, Optional<Path>> exportTarget) {
        Tab tab = new Tab(Messages.tr("studies.tab"), new StudiesView(vm, exportTarget));
        tab.setId("studiesTab");
        tab.selectedProperty().addListener((o, was, now) -> {
            if (now) {
                vm.runOnce();
            }
        });
        return tab;
    }

    public TimeSeriesChart chart() {
        return chart;
    }

    public TableView<StudyCell> table() {
        return table;
    }

    private static ToggleButton dayButton(String text, BaseDayPolicy day, ToggleGroup group, String id) {
        ToggleButton b = new ToggleButton(text);
        b.setUserData(day);
        b.setToggleGroup(group);
        b.setId(id);
        return b;
    }
}
