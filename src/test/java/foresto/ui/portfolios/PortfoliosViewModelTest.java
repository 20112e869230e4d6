package foresto.ui.portfolios;

import foresto.backtest.PortfolioService;
import foresto.db.Database;
import foresto.db.SqlScripts;
import foresto.db.TestDatabase;
import foresto.engine.AssetClass;
import foresto.model.ListedPortfolio;
import foresto.ui.common.TaskExecutor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The Portfolios tab's view-model on the real service and database (work on the calling thread). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortfoliosViewModelTest {
    private Database db;
    private PortfolioService service;

    @BeforeAll
    void database() {
        db = TestDatabase.freshMigrated();
        SqlScripts.run(db.dataSource(), SqlScripts.SAMPLE_PORTFOLIOS);
        service = new PortfolioService(db.dataSource());
    }

    @AfterAll
    void close() {
        db.close();
    }

    private static void weights(PortfoliosViewModel vm, String equity, String bond, String shortTerm) {
        vm.weightProperty(AssetClass.EQUITY).set(equity);
        vm.weightProperty(AssetClass.BOND).set(bond);
        vm.weightProperty(AssetClass.SHORT_TERM).set(shortTerm);
    }

    @Test
    void theFormIsCheckedLiveAndSaveAddsEditsCopiesAndDeactivatesTellingThePickersEachTime() {
        AtomicInteger changes = new AtomicInteger();
        PortfoliosViewModel vm = new PortfoliosViewModel(service, TaskExecutor.sameThread(), changes::incrementAndGet);
        vm.load();
        assertThat(vm.getPortfolios()).extracting(l -> l.portfolio().name()).contains("Growth 80/20", "Balanced 60/30/10");
        assertThat(changes.get()).as("loading is no change").isZero();

        // live: the sum and what is missing, Save disabled until it is 1
        vm.nameProperty().set("  나의 배분 ");
        weights(vm, "0.5", "0.3", "");
        assertThat(vm.sumTextProperty().get()).isEqualTo("Sum: 0.8 (80 %)");
        assertThat(vm.formErrorProperty().get()).isEqualTo("The weights sum to 0.8; they must sum to 1 (add 0.2).");
        assertThat(vm.canSaveProperty().get()).isFalse();
        weights(vm, "0.5", "0.3", "0.3");
        assertThat(vm.formErrorProperty().get()).contains("sum to 1.1").contains("remove 0.1");
        weights(vm, "0.5", "abc", "0.2");
        assertThat(vm.formErrorProperty().get()).isEqualTo("BOND: \"abc\" is not a number.");
        assertThat(vm.canSaveProperty().get()).isFalse();
        weights(vm, "0.5", "0.3", "0.2");
        assertThat(vm.formErrorProperty().get()).isEmpty();
        assertThat(vm.canSaveProperty().get()).isTrue();
        // within the service's tolerance (1e-9) is 1; just outside it is not
        weights(vm, "0.5", "0.3", "0.2000000000005");
        assertThat(vm.canSaveProperty().get()).isTrue();
        weights(vm, "0.5", "0.3", "0.200000002");
        assertThat(vm.canSaveProperty().get()).isFalse();
        weights(vm, "1.5", "-0.3", "-0.2");
        assertThat(vm.formErrorProperty().get()).startsWith("The weights cannot be used: EQUITY must be a number from 0 to 1");
        vm.nameProperty().set("Growth 80/20");
        weights(vm, "0.5", "0.3", "0.2");
        assertThat(vm.formErrorProperty().get()).startsWith("Another portfolio already has this name");
        vm.nameProperty().set("123");
        assertThat(vm.formErrorProperty().get()).contains("must not be only digits");

        vm.nameProperty().set("  나의 배분 ");
        vm.save();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(changes.get()).isEqualTo(1);
        ListedPortfolio added = service.resolve("나의 배분");
        assertThat(added.portfolio().weights().byCode()).isEqualTo(Map.of("EQUITY", 0.5, "BOND", 0.3, "SHORT_TERM", 0.2));
        assertThat(vm.getPortfolios()).contains(added);
        assertThat(vm.selectedProperty().get()).isEqualTo(added);
        assertThat(vm.editingProperty().get()).as("the form now edits what was saved").isEqualTo(added.portfolio().portfolioId());
        assertThat(vm.statusProperty().get()).isEqualTo("Added 나의 배분.");
        assertThat(PortfoliosViewModel.weightsText(added.portfolio().weights())).isEqualTo("Equity 0.5, Bonds 0.3, Short-term 0.2");

        // edit: rename and re-weight (no stored run used it)
        vm.nameProperty().set("나의 배분 2");
        weights(vm, "0.6", "0.4", "");
        vm.save();
        ListedPortfolio edited = service.resolve(Long.toString(added.portfolio().portfolioId()));
        assertThat(edited.portfolio().name()).isEqualTo("나의 배분 2");
        assertThat(edited.portfolio().weights().byCode()).isEqualTo(Map.of("EQUITY", 0.6, "BOND", 0.4));
        assertThat(changes.get()).isEqualTo(2);

        // copy: same weights under a free name, saved as a new portfolio
        vm.copy(edited);
        assertThat(vm.editingProperty().get()).isNull();
        assertThat(vm.nameProperty().get()).isEqualTo("Copy of 나의 배분 2");
        assertThat(vm.weightProperty(AssetClass.EQUITY).get()).isEqualTo("0.6");
        assertThat(vm.weightProperty(AssetClass.GOLD).get()).isEmpty();
        vm.save();
        assertThat(service.resolve("Copy of 나의 배분 2").portfolio().weights()).isEqualTo(edited.portfolio().weights());
        vm.copy(edited);
        assertThat(vm.nameProperty().get()).isEqualTo("Copy of 나의 배분 2 (2)");

        // a refusal of the service: plain words, the code in the details line (a name taken meanwhile)
        vm.newPortfolio();
        vm.nameProperty().set("Taken meanwhile");
        weights(vm, "1", "", "");
        service.add("Taken meanwhile", PortfolioService.parseWeights("BOND=1"));
        vm.save();
        assertThat(vm.errorProperty().get()).isEqualTo("Another portfolio already has this name. Choose a different name.");
        assertThat(vm.errorDetailsProperty().get()).startsWith("Details: PORTFOLIO_NAME_TAKEN: name: a portfolio named 'Taken meanwhile'");
        assertThat(changes.get()).isEqualTo(3);

        // deactivate: listed as inactive, no longer among the active ones the pickers show
        ListedPortfolio copy = service.resolve("Copy of 나의 배분 2");
        vm.deactivate(copy);
        assertThat(changes.get()).isEqualTo(4);
        assertThat(vm.getPortfolios()).filteredOn(l -> l.portfolio().portfolioId() == copy.portfolio().portfolioId())
                .singleElement().extracting(ListedPortfolio::active).isEqualTo(false);
        assertThat(service.active()).noneMatch(l -> l.portfolio().portfolioId() == copy.portfolio().portfolioId());
        assertThat(vm.errorProperty().get()).isEmpty();
    }

    @Test
    void editingAnUnchangedPortfolioKeepsItsWeightsBitForBit() {
        ListedPortfolio third = service.add("Thirds", PortfolioService.validWeights(Map.of("EQUITY", 1.0 / 3, "BOND", 1.0 / 3,
                "GOLD", 1 - 2.0 / 3)));
        PortfoliosViewModel vm = new PortfoliosViewModel(service, TaskExecutor.sameThread(), () -> { });
        vm.load();
        vm.edit(third);
        assertThat(vm.canSaveProperty().get()).isTrue();
        vm.nameProperty().set("Thirds renamed");
        vm.save();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(service.resolve("Thirds renamed").portfolio().weights()).isEqualTo(third.portfolio().weights());
    }
}
