package foresto.ui.portfolios;

import foresto.ui.common.AssetClassText;
import foresto.i18n.LocaleFormat;
import foresto.i18n.Messages;
import foresto.backtest.PortfolioService;
import foresto.engine.AssetClass;
import foresto.engine.Weights;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import foresto.model.ListedPortfolio;
import foresto.model.PortfolioRecord;
import foresto.text.PlainNumber;
import foresto.ui.common.TaskExecutor;
import foresto.ui.common.UiError;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The Portfolios tab's state: every portfolio (active or not), and a form with a name and one weight per asset class
 * (a number from 0 to 1, blank is 0). The form is checked live with {@link PortfolioService}'s own validation, so Save
 * is enabled exactly when the service would accept the weights (sum 1 within {@link Weights#SUM_TOLERANCE}). Work runs
 * through the {@link TaskExecutor}; after every change {@code changed} is called on the UI thread (the Analysis, Sweep
 * and Robustness pickers reload). UI thread.
 */
public final class PortfoliosViewModel {
    private final PortfolioService service;
    private final TaskExecutor executor;
    private final Runnable changed;
    private final ObservableList<ListedPortfolio> portfolios = FXCollections.observableArrayList();
    private final ObjectProperty<ListedPortfolio> selected = new SimpleObjectProperty<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final Map<AssetClass, StringProperty> weights = new EnumMap<>(AssetClass.class);
    private final ReadOnlyObjectWrapper<Long> editing = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper errorDetails = new ReadOnlyStringWrapper("");
    private final StringBinding sumText;
    private final StringBinding formError;
    private final BooleanBinding canSave;

    public PortfoliosViewModel(PortfolioService service, TaskExecutor executor, Runnable changed) {
        this.service = service;
        this.executor = executor;
        this.changed = changed;
        List<Observable> deps = new ArrayList<>();
        for (AssetClass c : AssetClass.values()) {
            StringProperty p = new SimpleStringProperty("");
            weights.put(c, p);
            deps.add(p);
        }
        Observable[] weightDeps = deps.toArray(Observable[]::new);
        deps.add(name);
        deps.add(editing); // the name is compared with the other portfolios' names, not with the edited one's own
        sumText = Bindings.createStringBinding(this::describeSum, weightDeps);
        formError = Bindings.createStringBinding(this::checkForm, deps.toArray(Observable[]::new));
        canSave = Bindings.createBooleanBinding(() -> formError.get().isEmpty() && !busy.get(), formError, busy);
        newPortfolio();
    }

    public ObservableList<ListedPortfolio> getPortfolios() {
        return portfolios;
    }

    public ObjectProperty<ListedPortfolio> selectedProperty() {
        return selected;
    }

    public StringProperty nameProperty() {
        return name;
    }

    /** The weight field of {@code c}: a number from 0 to 1 as typed (blank is 0). */
    public StringProperty weightProperty(AssetClass c) {
        return weights.get(c);
    }

    /** The id of the portfolio the form edits; null when the form makes a new one. */
    public ReadOnlyObjectProperty<Long> editingProperty() {
        return editing.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The last refusal of the service in plain words; empty when the last action worked. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The refusal's code and the service's own message (the details line). */
    public ReadOnlyStringProperty errorDetailsProperty() {
        return errorDetails.getReadOnlyProperty();
    }

    /** "Sum: 0.9 (90 %)", live. */
    public StringBinding sumTextProperty() {
        return sumText;
    }

    /** What keeps the form from being saved, in plain words; empty when it can be saved. */
    public StringBinding formErrorProperty() {
        return formError;
    }

    public BooleanBinding canSaveProperty() {
        return canSave;
    }

    /** Loads the list (in the background). */
    public void load() {
        busy.set(true);
        status.set(Messages.tr("portfolios.loading"));
        executor.submit("portfolios", service::list, list -> {
            busy.set(false);
            show(list);
            status.set(Messages.tr("portfolios.count", LocaleFormat.integer(list.size())));
        }, this::failed, () -> busy.set(false));
    }

    /** An empty form for a new portfolio. */
    public void newPortfolio() {
        editing.set(null);
        name.set("");
        weights.values().forEach(w -> w.set(""));
        clearError();
    }

    /** The form filled with {@code p}'s weights under a free "Copy of …" name, to save as a new portfolio. */
    public void copy(ListedPortfolio p) {
        fill(p.portfolio());
        editing.set(null);
        name.set(freeName(Messages.tr("portfolios.copyOf", p.portfolio().name())));
    }

    /** The form filled with {@code p}, to change its name or (when no stored run used it) its weights. */
    public void edit(ListedPortfolio p) {
        editing.set(p.portfolio().portfolioId());
        fill(p.portfolio());
    }

    /** Adds the form's portfolio, or saves the edited one; the form then edits what was saved. */
    public void save() {
        if (!canSave.get()) {
            return;
        }
        Long id = editing.get();
        String n = name.get();
        Map<String, Double> byCode = byCode();
        submit(Messages.tr(id == null ? "portfolios.adding" : "portfolios.saving", n.strip()), () -> {
            Weights w = PortfolioService.validWeights(byCode);
            ListedPortfolio saved = id == null ? service.add(n, w) : service.edit(Long.toString(id), n, w);
            return new Saved(saved, service.list());
        }, s -> {
            edit(s.portfolio());
            selected.set(find(s.portfolio().portfolio().portfolioId()));
            status.set(Messages.tr(id == null ? "portfolios.added" : "portfolios.saved", s.portfolio().portfolio().name()));
        });
    }

    /** Deactivates {@code p}: hidden from the pickers, kept for the stored runs that used it. */
    public void deactivate(ListedPortfolio p) {
        long id = p.portfolio().portfolioId();
        submit(Messages.tr("portfolios.deactivating", p.portfolio().name()), () -> {
            ListedPortfolio done = service.deactivate(Long.toString(id));
            return new Saved(done, service.list());
        }, s -> {
            if (editing.get() != null && editing.get() == id) {
                newPortfolio();
            }
            status.set(Messages.tr("portfolios.deactivated", s.portfolio().portfolio().name()));
        });
    }

    /** The held weights in the form's order, e.g. "EQUITY 0.6, BOND 0.4" (Korean "주식 0.6, 채권 0.4"). */
    public static String weightsText(Weights w) {
        StringBuilder sb = new StringBuilder();
        for (AssetClass c : AssetClass.values()) {
            if (w.holds(c)) {
                sb.append(sb.length() == 0 ? "" : ", ").append(AssetClassText.of(c)).append(' ').append(PlainNumber.of(w.get(c)));
            }
        }
        return sb.toString();
    }

    private record Saved(ListedPortfolio portfolio, List<ListedPortfolio> all) {
    }

    /** Runs a change in the background; on success shows the new list, tells the pickers and calls {@code done}. */
    private void submit(String working, Callable<Saved> work, Consumer<Saved> done) {
        busy.set(true);
        clearError();
        status.set(working);
        executor.submit("portfolio", work, s -> {
            busy.set(false);
            show(s.all());
            done.accept(s);
            changed.run();
        }, this::failed, () -> busy.set(false));
    }

    private void show(List<ListedPortfolio> list) {
        ListedPortfolio was = selected.get();
        portfolios.setAll(list);
        selected.set(was == null ? null : find(was.portfolio().portfolioId()));
    }

    private ListedPortfolio find(long id) {
        return portfolios.stream().filter(l -> l.portfolio().portfolioId() == id).findFirst().orElse(null);
    }

    private void failed(Throwable t) {
        busy.set(false);
        UiError e = UiError.of(Messages.tr("portfolios.errorTitle"), t);
        error.set(plain(e));
        errorDetails.set(Messages.tr("error.details", e.describe()));
        status.set(Messages.tr("portfolios.notSaved"));
    }

    private void clearError() {
        error.set("");
        errorDetails.set("");
    }

    /** The service's refusal in plain words (the code and its own message stay in the details line). */
    static String plain(UiError e) {
        String why = e.message().replaceFirst("^(name|weights): ", "");
        return switch (e.code()) {
            case PORTFOLIO_IN_USE -> Messages.tr("portfolios.inUse");
            case PORTFOLIO_NAME_TAKEN -> Messages.tr("portfolios.nameTaken");
            case PORTFOLIO_NOT_FOUND -> Messages.tr("portfolios.notFound");
            case INVALID_WEIGHTS, UNKNOWN_ASSET_CLASS -> Messages.tr("portfolios.badWeights", why);
            case INVALID_REQUEST -> Messages.tr("portfolios.badName", why);
            default -> Messages.tr("portfolios.notSavedBecause", why);
        };
    }

    private void fill(PortfolioRecord p) {
        clearError();
        name.set(p.name());
        for (AssetClass c : AssetClass.values()) {
            double w = p.weights().get(c);
            weights.get(c).set(w == 0 ? "" : PlainNumber.of(w)); // exact: saving it unchanged is no change
        }
    }

    private String freeName(String base) {
        String n = base.length() > PortfolioService.MAX_NAME ? base.substring(0, PortfolioService.MAX_NAME) : base;
        for (int i = 2; taken(n); i++) {
            String suffix = " (" + i + ")";
            n = (base.length() + suffix.length() > PortfolioService.MAX_NAME
                    ? base.substring(0, PortfolioService.MAX_NAME - suffix.length()) : base) + suffix;
        }
        return n;
    }

    private boolean taken(String n) {
        return portfolios.stream().anyMatch(l -> l.portfolio().name().equals(n));
    }

    /** The fields by code, blank as 0; a field that is not a number is NaN (the service refuses it). */
    private Map<String, Double> byCode() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (AssetClass c : AssetClass.values()) {
            m.put(c.name(), parse(weights.get(c).get()));
        }
        return m;
    }

    private static double parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return 0;
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException notANumber) {
            return Double.NaN;
        }
    }

    /** The sum in the order the engine adds the weights ({@link Weights#of}), so "is 1" agrees with the service. */
    private double sum() {
        double s = 0;
        for (AssetClass c : AssetClass.values()) {
            s += parse(weights.get(c).get());
        }
        return s;
    }

    private String describeSum() {
        double s = sum();
        if (Double.isNaN(s)) {
            return Messages.tr("portfolios.sumUnknown");
        }
        return Messages.tr("portfolios.sum", number(s), number(s * 100));
    }

    private String checkForm() {
        for (AssetClass c : AssetClass.values()) {
            if (Double.isNaN(parse(weights.get(c).get()))) {
                return Messages.tr("portfolios.notANumber", c.name(), weights.get(c).get().strip());
            }
        }
        double s = sum();
        if (Math.abs(s - 1.0) > Weights.SUM_TOLERANCE) {
            double rest = 1.0 - s;
            return Messages.tr(rest > 0 ? "portfolios.sumAdd" : "portfolios.sumRemove", number(s), number(Math.abs(rest)));
        }
        try {
            PortfolioService.validWeights(byCode());
            PortfolioService.validName(name.get());
        } catch (ForestoException e) {
            return plain(new UiError(Messages.tr("portfolios.errorTitle"), e.code(), e.getMessage()));
        }
        if (taken(name.get().strip()) && (editing.get() == null || !name.get().strip().equals(editedName()))) {
            return plain(new UiError(Messages.tr("portfolios.errorTitle"), ErrorCode.PORTFOLIO_NAME_TAKEN, ""));
        }
        return "";
    }

    private String editedName() {
        Long id = editing.get();
        ListedPortfolio p = id == null ? null : find(id);
        return p == null ? null : p.portfolio().name();
    }

    /** Rounded to 10 significant digits, plain: 0.6, 0.3333333333, 100 (the sum and what it lacks). */
    static String number(double v) {
        return Double.isFinite(v) ? PlainNumber.of(new BigDecimal(v).round(new MathContext(10, RoundingMode.HALF_EVEN))) : "–";
    }
}
