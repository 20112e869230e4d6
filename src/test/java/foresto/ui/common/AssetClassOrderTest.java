package foresto.ui.common;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Classes on screen in the app's one order: Equity, Bonds, Short-term, Gold, Other; an unknown code last. */
class AssetClassOrderTest {

    @Test
    void codesFollowTheStandardOrderWhateverOrderTheyCameIn() {
        assertThat(AssetClassText.inStandardOrder(List.of("BOND", "EQUITY", "GOLD", "SHORT_TERM", "OTHER")))
                .containsExactly("EQUITY", "BOND", "SHORT_TERM", "GOLD", "OTHER");
        assertThat(AssetClassText.inStandardOrder(List.of("ZZZ", "GOLD", "AAA", "EQUITY")))
                .containsExactly("EQUITY", "GOLD", "AAA", "ZZZ");
    }

    @Test
    void weightsKeepTheirValuesInTheStandardOrder() {
        Map<String, Double> alphabetical = new LinkedHashMap<>();
        alphabetical.put("BOND", 0.3);
        alphabetical.put("EQUITY", 0.6);
        alphabetical.put("SHORT_TERM", 0.1);
        Map<String, Double> ordered = AssetClassText.inStandardOrder(alphabetical);
        assertThat(ordered.keySet()).containsExactly("EQUITY", "BOND", "SHORT_TERM");
        assertThat(ordered).containsEntry("EQUITY", 0.6).containsEntry("BOND", 0.3).containsEntry("SHORT_TERM", 0.1);
    }
}
