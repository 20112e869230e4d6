package foresto.ui.main;

import foresto.i18n.Messages;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The setup's cash-flow section opens in place: its title is a name, not a command that opens a dialog ("…"). */
class ExpanderTitleTest {
    @Test
    void theCashFlowsSectionIsTitledWithoutAnEllipsis() {
        assertThat(Messages.in(Locale.ENGLISH, "cashFlows.title")).isEqualTo("Cash flows");
        assertThat(Messages.in(Locale.KOREAN, "cashFlows.title")).isEqualTo("현금 흐름");
    }
}
