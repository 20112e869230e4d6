package foresto.ui.main;

import java.util.Locale;
import foresto.ui.common.PlainFailure;
import foresto.error.ErrorCode;
import foresto.i18n.Messages;
import foresto.engine.BaseDayPolicy;
import foresto.engine.CashFlowSchedule;
import foresto.engine.FlowAllocation;
import foresto.engine.Frequency;
import foresto.error.ForestoException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An opened run's schedule put back into the setup's "Cash flows…" choices makes exactly that schedule again, what
 * the section has no field for included, and the choices tell whether they still make it.
 */
class CashFlowSetupTest {

    @Test
    void aScheduleFromTheCommandLineComesBackWholeAndRunRepeatsIt() {
        CashFlowSchedule cli = new CashFlowSchedule(-1250.0, null, Frequency.QUARTERLY, BaseDayPolicy.LAST_TRADING_DAY,
                2, 3, 0.025, LocalDate.of(2012, 1, 1), LocalDate.of(2018, 6, 30), FlowAllocation.PRO_RATA);
        CashFlowSetup s = new CashFlowSetup();
        s.adopt(cli);
        assertThat(s.kindProperty().get()).isEqualTo(CashFlowSetup.Kind.WITHDRAWAL);
        assertThat(s.amountProperty().get()).isEqualTo("1250");
        assertThat(s.growthProperty().get()).isEqualTo("0.025");
        assertThat(s.frequencyProperty().get()).isEqualTo(Frequency.QUARTERLY);
        assertThat(s.baseDayProperty().get()).isEqualTo(BaseDayPolicy.LAST_TRADING_DAY);
        assertThat(s.allocationProperty().get()).isEqualTo(FlowAllocation.PRO_RATA);
        assertThat(s.schedule(true)).isEqualTo(cli);
        assertThat(s.makes(cli, true)).isTrue();
        assertThat(s.keptProperty().get().text()).contains("phase 2", "day offset 3", "2012", "2018");

        // another frequency starts its calendar afresh: phase and day offset go, the limits stay
        s.frequencyProperty().set(Frequency.MONTHLY);
        assertThat(s.makes(cli, true)).isFalse();
        CashFlowSchedule monthly = s.schedule(true);
        assertThat(monthly.phase()).isZero();
        assertThat(monthly.dayOffset()).isZero();
        assertThat(monthly.from()).isEqualTo(LocalDate.of(2012, 1, 1));
        // None clears them all
        s.kindProperty().set(CashFlowSetup.Kind.NONE);
        assertThat(s.schedule(true)).isNull();
        assertThat(s.keptProperty().get().text()).isEmpty();
        s.kindProperty().set(CashFlowSetup.Kind.WITHDRAWAL);
        assertThat(s.schedule(true).from()).isNull();
    }

    @Test
    void anAllocationNotGivenIsTowardTargetWithARuleAndNoneWithout() {
        CashFlowSchedule rate = CashFlowSchedule.ofRate(0.004, Frequency.MONTHLY, BaseDayPolicy.FIRST_TRADING_DAY);
        CashFlowSetup s = new CashFlowSetup();
        s.allocationProperty().set(FlowAllocation.TOWARD_TARGET);
        s.adopt(rate);
        assertThat(s.kindProperty().get()).isEqualTo(CashFlowSetup.Kind.WITHDRAWAL_RATE);
        assertThat(s.rateProperty().get()).isEqualTo("0.004");
        assertThat(s.schedule(false)).isEqualTo(rate);
        assertThat(s.makes(rate, false)).isTrue();
        assertThat(s.makes(rate, true)).isTrue(); // not given = toward target, as the hash reads it
        s.allocationProperty().set(FlowAllocation.PRO_RATA);
        assertThat(s.makes(rate, true)).isFalse();
        assertThat(s.makes(rate, false)).isTrue(); // without a rule the allocation is not used
        assertThat(s.makes(null, false)).isFalse();
    }

    @Test
    void noScheduleAndChoicesThatMakeNoneAreToldApartWithoutAProblemLine() {
        CashFlowSetup s = new CashFlowSetup();
        s.adopt(null);
        assertThat(s.makes(null, true)).isTrue();
        s.kindProperty().set(CashFlowSetup.Kind.CONTRIBUTION);
        s.amountProperty().set("abc");
        CashFlowSchedule any = CashFlowSchedule.ofAmount(100, Frequency.MONTHLY, BaseDayPolicy.FIRST_TRADING_DAY);
        assertThat(s.makes(any, true)).isFalse();
        assertThat(s.makes(null, true)).isFalse();
        assertThat(s.problemProperty().get()).isEmpty(); // only Run says what is wrong
        assertThatThrownBy(() -> s.schedule(true)).isInstanceOf(ForestoException.class).hasMessageContaining("abc");
        assertThat(s.problemProperty().get()).contains("INVALID_REQUEST");
    }

    @Test
    void anEmptyOrUnreadableAmountIsRefusedNamingItsFieldInBothLanguages() {
        Locale was = Messages.locale();
        try {
            CashFlowSetup s = new CashFlowSetup();
            s.kindProperty().set(CashFlowSetup.Kind.CONTRIBUTION);
            s.amountProperty().set("");
            Messages.use(Locale.ENGLISH);
            assertThatThrownBy(() -> s.schedule(true)).isInstanceOfSatisfying(PlainFailure.class, f -> {
                assertThat(f.sentence()).startsWith("The field “Amount per flow date” is empty.")
                        .contains("The amount must be a number greater than 0");
                assertThat(f.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
            });
            assertThat(s.problemProperty().get()).startsWith("The field “Amount per flow date” is empty.");
            s.amountProperty().set("12a");
            assertThatThrownBy(() -> s.schedule(true)).isInstanceOfSatisfying(PlainFailure.class, f ->
                    assertThat(f.sentence()).startsWith("The field “Amount per flow date” cannot be read as a number: “12a”."));
            Messages.use(Locale.KOREAN);
            s.amountProperty().set(" ");
            assertThatThrownBy(() -> s.schedule(true)).isInstanceOfSatisfying(PlainFailure.class, f ->
                    assertThat(f.sentence()).startsWith("‘흐름일마다 금액’ 칸이 비어 있습니다.").contains("금액은 0보다 큰 숫자여야"));
        } finally {
            Messages.use(was);
        }
    }
}
