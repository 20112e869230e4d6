package foresto.ui.sweep;

import foresto.backtest.BacktestService;
import foresto.backtest.FeatureFlags;
import foresto.backtest.InMemoryStores;
import foresto.i18n.Messages;
import foresto.ui.common.PlainFailure;
import foresto.ui.common.TaskExecutor;
import foresto.ui.common.UiError;
import foresto.ui.common.UiState;
import foresto.ui.main.MainViewModel;
import foresto.ui.sweep.SweepViewModel.Family;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A number the Sweep form cannot use is refused in plain words that name its field (by its label on the form), quote
 * what was typed and say what the field takes, in both languages; the code stays for the details line.
 */
class SweepFieldErrorsTest {
    private final Locale was = Messages.locale();

    @AfterEach
    void restoreLanguage() {
        Messages.use(was);
    }

    private static SweepForm form(Family family, String from, String to, String step, String rho, String costs, String g,
                                  String paths) {
        return new SweepForm(family, from, to, step, rho, costs, "daily", g, paths);
    }

    private static String sentence(SweepForm f) {
        PlainFailure e = catchThrowableOfType(PlainFailure.class, f::checkFields);
        assertThat(e).as("refused").isNotNull();
        return e.sentence();
    }

    @Test
    void eachFieldIsNamedWithWhatItTakes() {
        Messages.use(Locale.ENGLISH);
        assertThat(sentence(form(Family.ABSOLUTE_BAND, "0,02", "0.06", "0.02", "", "0", "0", "")))
                .isEqualTo("The field “from” cannot be used as typed: “0,02”. It takes the band θ as a fraction above 0 and "
                        + "below 1, e.g. 0.02 for 2 %p.");
        assertThat(sentence(form(Family.ABSOLUTE_BAND, "0.02", "6", "0.02", "", "0", "0", "")))
                .startsWith("The field “to” cannot be used as typed: “6”. It takes the band θ");
        assertThat(sentence(form(Family.ABSOLUTE_BAND, "0.06", "0.02", "0.02", "", "0", "0", "")))
                .isEqualTo("The field “to” cannot be used as typed: “0.02”. It takes the range's last band, no smaller than "
                        + "its first (“from”).");
        assertThat(sentence(form(Family.RELATIVE_BAND, "0.1", "0.5", "0", "", "0", "0", "")))
                .startsWith("The field “step” cannot be used as typed: “0”. It takes the step between two bands");
        assertThat(sentence(form(Family.RELATIVE_BAND, "x", "0.5", "0.1", "", "0", "0", "")))
                .contains("It takes the band ρ as a fraction above 0 and at most 1");
        assertThat(sentence(form(Family.HYBRID_BAND, "0.02", "0.04", "0.01", "1.5", "0", "0", "")))
                .startsWith("The field “ρ” cannot be used as typed: “1.5”. It takes the band ρ");
        assertThat(sentence(form(Family.ABSOLUTE_BAND, "0.02", "0.04", "0.01", "", "0", "half", "")))
                .startsWith("The field “trade back to” cannot be used as typed: “half”.");
        assertThat(sentence(form(Family.ABSOLUTE_BAND, "0.02", "0.04", "0.01", "", "0, 0.7", "0", "")))
                .isEqualTo("The field “cost rates” cannot be used as typed: “0, 0.7”. It takes cost rates from 0 to below 0.5, "
                        + "separated by commas or as a range A..B/STEP, e.g. 0,0.001,0.002.");
        assertThat(sentence(form(Family.ABSOLUTE_BAND, "0.02", "0.04", "0.01", "", "0", "0", "200000")))
                .startsWith("The field “Bootstrap paths” cannot be used as typed: “200000”. It takes a whole number");
        // calendars take no band, ρ nor trade-back: only the cost rates and paths are read
        assertThatCode(() -> form(Family.CALENDARS, "x", "y", "z", "", "0", "half", "1,000").checkFields()).doesNotThrowAnyException();
        assertThatCode(() -> form(Family.HYBRID_BAND, "0.02", "0.04", "0.01", "1", "0..0.004/0.002", "0.5", "").checkFields())
                .doesNotThrowAnyException();
    }

    @Test
    void theSentenceIsKoreanOnTheKoreanScreen() {
        Messages.use(Locale.KOREAN);
        assertThat(sentence(form(Family.ABSOLUTE_BAND, "0.02", "0.04", "abc", "", "0", "0", "")))
                .isEqualTo("‘간격’ 칸의 입력(“abc”)은 쓸 수 없습니다. 두 밴드 사이의 간격은 0보다 큰 비율로 입력합니다. 예: 0.01.");
        assertThat(sentence(form(Family.ABSOLUTE_BAND, "0.02", "0.04", "0.01", "", "0;0.1", "0", "")))
                .startsWith("‘비용률’ 칸의 입력(“0;0.1”)은 쓸 수 없습니다. 비용률은 0 이상 0.5 미만으로");
    }

    @Test
    void runningTheSweepShowsTheSentenceWithTheCodeInTheDetails() {
        Messages.use(Locale.ENGLISH);
        BacktestService service = new BacktestService(InMemoryStores.sample().stores(), new FeatureFlags(true), Clock.systemUTC());
        List<UiError> errors = new ArrayList<>();
        MainViewModel main = new MainViewModel(service, TaskExecutor.sameThread(), UiState.inMemory(), errors::add);
        main.load();
        SweepViewModel sweep = new SweepViewModel(service, main, TaskExecutor.sameThread(), Runnable::run, errors::add);
        sweep.familyProperty().set(Family.ABSOLUTE_BAND);
        sweep.fromProperty().set("0.02");
        sweep.toProperty().set("0.06");
        sweep.stepProperty().set("0.o2");
        sweep.run();
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).plain()).startsWith("The field “step” cannot be used as typed: “0.o2”.")
                .contains("INVALID_REQUEST");
        assertThat(sweep.resultProperty().get()).isNull();
    }
}
