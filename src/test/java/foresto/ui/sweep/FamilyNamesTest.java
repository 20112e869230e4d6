package foresto.ui.sweep;

import foresto.i18n.Messages;
import foresto.ui.sweep.SweepViewModel.Family;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The Sweep's rule families read as words in both languages; the command line's specs stay in the box's tooltip. */
class FamilyNamesTest {
    @AfterEach
    void english() {
        Messages.use(Locale.ENGLISH);
    }

    @Test
    void theBandFamiliesAreNamedInWordsNotSpecs() {
        Messages.use(Locale.ENGLISH);
        assertThat(Family.ABSOLUTE_BAND.toString()).isEqualTo("Absolute band (θ)");
        assertThat(Family.RELATIVE_BAND.toString()).isEqualTo("Relative band (ρ)");
        assertThat(Family.HYBRID_BAND.toString()).isEqualTo("Hybrid band (θ and ρ)");
        assertThat(Messages.tr("sweep.familyTip")).contains("drift:θ", "drift-rel:ρ", "drift-hybrid:θ/ρ");
        Messages.use(Locale.KOREAN);
        assertThat(Family.ABSOLUTE_BAND.toString()).isEqualTo("절대 밴드 (θ)");
        assertThat(Family.RELATIVE_BAND.toString()).isEqualTo("상대 밴드 (ρ)");
        for (Locale language : new Locale[] {Locale.ENGLISH, Locale.KOREAN}) {
            Messages.use(language);
            for (Family f : Family.values()) {
                assertThat(f.toString()).as(f.name()).doesNotContain("drift").doesNotContain(":");
            }
        }
    }
}
