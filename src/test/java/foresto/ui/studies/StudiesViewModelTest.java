package foresto.ui.studies;

import foresto.backtest.FeatureFlags;
import foresto.engine.BaseDayPolicy;
import foresto.ui.common.TaskExecutor;
import foresto.ui.common.UiError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Studies tab's state without a screen: the first showing runs it once, a new base day reruns it, CSV export. */
class StudiesViewModelTest {
    @TempDir
    Path dir;

    @Test
    void theFirstShowingRunsOnceAndANewBaseDayRerunsIt() throws Exception {
        List<UiError> errors = new ArrayList<>();
        StudiesViewModel vm = new StudiesViewModel(TaskExecutor.sameThread(), FeatureFlags.ON, errors::add);
        assertThat(vm.resultProperty().get()).isNull();
        vm.runOnce();
        var first = vm.resultProperty().get();
        assertThat(first.baseDay()).isEqualTo(BaseDayPolicy.LAST_TRADING_DAY);
        assertThat(vm.statusProperty().get()).endsWith("base day LAST: 44 of 44 within tolerance.");
        vm.runOnce();
        assertThat(vm.resultProperty().get()).as("shown again: not rerun").isSameAs(first);
        vm.baseDayProperty().set(BaseDayPolicy.FIRST_TRADING_DAY);
        assertThat(vm.resultProperty().get().baseDay()).isEqualTo(BaseDayPolicy.FIRST_TRADING_DAY);
        assertThat(vm.resultProperty().get().withinCount()).isEqualTo(43);
        Path csv = dir.resolve("t.csv");
        vm.exportCsv(csv);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(12);
        assertThat(lines.get(11)).startsWith("Never,").endsWith(",first");
        assertThat(vm.statusProperty().get()).isEqualTo("Exported the table (11 columns) to " + csv);
        assertThat(errors).isEmpty();
    }
}
