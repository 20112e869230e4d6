package foresto.backtest;

import foresto.engine.RebalancingRule;
import foresto.rule.RuleCodec;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A robustness study's hash (SEMANTICS §12.5): SHA-256, lower-case hex, of the canonical JSON of its scenario and
 * rule A (the run's {@link RequestHash} document, which carries the market data's fingerprint and the semantics
 * version), the study kind, rule B of a bootstrap ("off" for buy-and-hold) and the kind's resolved parameters (sets,
 * L, s, J, b, seed), so a default and the same value given explicitly are one study.
 */
record StudyHash(StudyKind kind, RequestHash scenario, Optional<RebalancingRule> versus, Map<String, Object> parameters) {

    Map<String, Object> document() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("study", kind.key());
        doc.put("scenario", scenario.document());
        if (kind == StudyKind.BOOTSTRAP) {
            doc.put("versus", versus.<Object>map(RuleCodec::hashParameters).orElse("off"));
        }
        doc.put("parameters", parameters);
        doc.put("semantics_version", RequestHash.SEMANTICS_VERSION);
        return doc;
    }

    String canonicalJson() {
        return CanonicalJson.write(document());
    }

    String hex() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonicalJson().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
