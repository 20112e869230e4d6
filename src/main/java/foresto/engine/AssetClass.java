package foresto.engine;


/** The standard asset-class codes; the only keys allowed in weights, rows, CSV files and payloads. */
public enum AssetClass {
    EQUITY("주식"),
    BOND("채권"),
    SHORT_TERM("단기"),
    GOLD("금"),
    OTHER("기타");

    public static final int COUNT = values().length;
    private static final AssetClass[] ALL = values();

    private final String koreanName;

    AssetClass(String koreanName) {
        this.koreanName = koreanName;
    }

    public String koreanName() {
        return koreanName;
    }

    public static AssetClass of(int ordinal) {
        return ALL[ordinal];
    }

    /** Parses a standard code exactly (upper case); anything else is an UNKNOWN_ASSET_CLASS {@link EngineException}. */
    public static AssetClass parse(String code) {
        for (AssetClass c : ALL) {
            if (c.name().equals(code)) {
                return c;
            }
        }
        throw new EngineException(EngineException.Kind.UNKNOWN_ASSET_CLASS,
                "unknown asset class '" + code + "' (allowed: EQUITY, BOND, SHORT_TERM, GOLD, OTHER)");
    }
}
