package foresto.ui.sweep;

import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import foresto.ui.sweep.SweepViewModel.Family;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Sweep tab's form, read as typed, stands for the rule specs and cost rates an analyst would list by hand. */
class SweepFormTest {
    private static SweepForm form(Family family, String rebalanceTo) {
        return new SweepForm(family, " 0.02", "0.04 ", "0.01", " 0.5 ", "0, 0.001", "daily", rebalanceTo);
    }

    @Test
    void eachBandFamilyExpandsItsRangeInDecimalStepsWithSpacesTrimmed() {
        assertThat(form(Family.ABSOLUTE_BAND, "0").specs()).containsExactly("drift:0.02", "drift:0.03", "drift:0.04");
        assertThat(form(Family.RELATIVE_BAND, "0").specs()).containsExactly("drift-rel:0.02", "drift-rel:0.03", "drift-rel:0.04");
        assertThat(form(Family.HYBRID_BAND, "0").specs())
                .containsExactly("drift-hybrid:0.02/0.5", "drift-hybrid:0.03/0.5", "drift-hybrid:0.04/0.5");
    }

    @Test
    void calendarsIgnoreTheRangeAndTheTradeBack() {
        SweepForm f = form(Family.CALENDARS, "not a number");
        assertThat(f.specs()).containsExactly("monthly", "quarterly", "semiannual", "annual");
        assertThat(f.rules()).hasSize(4);
    }

    @Test
    void costRatesAreTheListAsNumbers() {
        assertThat(form(Family.ABSOLUTE_BAND, "0").costs()).isEqualTo(List.of(0.0, 0.001));
    }

    @Test
    void aTradeBackThatIsNoNumberIsAnInvalidRuleQuotingIt() {
        assertThatThrownBy(() -> form(Family.ABSOLUTE_BAND, "half").rules())
                .isInstanceOfSatisfying(ForestoException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_RULE))
                .hasMessageContaining("'half'");
    }

    private static SweepForm withPaths(String paths) {
        return new SweepForm(Family.ABSOLUTE_BAND, "0.02", "0.04", "0.01", "0.5", "0", "daily", "0", paths);
    }

    @Test
    void emptyBootstrapPathsMeanAPlainSweepAndANumberARobustOneWithTheStudysDefaults() {
        assertThat(withPaths("").bootstrap()).isNull();
        assertThat(withPaths("  ").bootstrap()).isNull();
        assertThat(form(Family.ABSOLUTE_BAND, "0").bootstrap()).isNull();
        var b = withPaths(" 1,000 ").bootstrap();
        assertThat(b.paths()).isEqualTo(1000);
        assertThat(b.block()).as("max(1, round(f/12)) of the data").isNull();
        assertThat(b.seed()).isEqualTo(1L);
    }

    @Test
    void bootstrapPathsThatAreNoWholeNumberAreAnInvalidRequestQuotingThem() {
        for (String bad : new String[] {"ten", "1.5", "99999999999"}) {
            assertThatThrownBy(() -> withPaths(bad).bootstrap()).isInstanceOfSatisfying(ForestoException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST)).hasMessageContaining(bad);
        }
    }
}
