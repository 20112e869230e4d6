package foresto.config;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JDBC URL taken apart by its structure — scheme, {@code user:password@}, hosts, path, query parameters split on
 * {@code &} and {@code =} and percent-decoded — so that its secrets can be taken out before the URL goes anywhere
 * (the pool, a log, a message). Secrets are the user-info's password, the parameters {@code password} and
 * {@code sslpassword} (any case), and an {@code options} parameter that mentions a password (e.g.
 * {@code -c x.password=...}); they travel to the driver as connection properties instead ({@link #secrets()}).
 *
 * <p>A password may hold raw {@code /}, {@code ?}, {@code #} or {@code @}: the user-info is taken to end at the last
 * {@code @} that is followed by a host list and then {@code /} (the database, which the driver requires). When that
 * reading is ambiguous it takes more as user-info, never less, so that no part of a password ends up in the host or
 * the query.
 */
public final class JdbcUrl {
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*:)+");
    private static final Pattern HOSTS = Pattern.compile("(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9._%~-]*)(:\\d*)?"
            + "(,(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9._%~-]*)(:\\d*)?)*");

    private final String prefix;
    private final String hosts;
    private final String path;
    private final List<String[]> params;
    private final Map<String, String> secrets;
    private final boolean structured;
    private final List<String> secretTexts = new ArrayList<>();

    private JdbcUrl(String prefix, String hosts, String path, List<String[]> params, Map<String, String> secrets,
                    boolean structured) {
        this.prefix = prefix;
        this.hosts = hosts;
        this.path = path;
        this.params = params;
        this.secrets = secrets;
        this.structured = structured;
    }

    /** Parses {@code url}; text without a {@code scheme:} prefix is not a URL and keeps nothing (see {@link #isUrl()}). */
    public static JdbcUrl parse(String url) {
        if (url == null) {
            return new JdbcUrl("", "", "", List.of(), Map.of(), false);
        }
        Matcher scheme = SCHEME.matcher(url);
        if (!scheme.find()) {
            return new JdbcUrl("", "", "", List.of(), Map.of(), false);
        }
        String prefix = scheme.group();
        String rest = url.substring(scheme.end());
        Map<String, String> secrets = new LinkedHashMap<>();
        List<String> raw = new ArrayList<>();
        boolean authority = rest.startsWith("//");
        if (authority) {
            prefix += "//";
            rest = rest.substring(2);
            int at = userInfoEnd(rest);
            if (at >= 0) {
                String info = rest.substring(0, at);
                int colon = info.indexOf(':');
                raw.add(info);
                if (colon >= 0 && colon + 1 < info.length()) {
                    raw.add(info.substring(colon + 1));
                }
                String user = decode(colon < 0 ? info : info.substring(0, colon));
                if (!user.isEmpty()) {
                    secrets.put("user", user);
                }
                if (colon >= 0) {
                    secrets.put("password", decode(info.substring(colon + 1)));
                }
                rest = rest.substring(at + 1);
            }
        }
        int q = rest.indexOf('?');
        String authorityAndPath = q < 0 ? rest : rest.substring(0, q);
        int slash = authority ? authorityAndPath.indexOf('/') : 0;
        String hosts = slash < 0 ? authorityAndPath : authorityAndPath.substring(0, slash); // "" without "//"
        String path = slash < 0 ? "" : authorityAndPath.substring(slash);
        List<String[]> params = new ArrayList<>();
        if (q >= 0) {
            for (String pair : rest.substring(q + 1).split("&", -1)) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                if (isSecret(name, value)) {
                    secrets.put(name.toLowerCase(Locale.ROOT), value);
                    if (eq >= 0 && eq + 1 < pair.length()) {
                        raw.add(pair.substring(eq + 1));
                    }
                } else {
                    params.add(new String[] {name, value});
                }
            }
        }
        JdbcUrl parsed = new JdbcUrl(prefix, hosts, path, params, secrets, true);
        parsed.secretTexts.addAll(raw);
        secrets.forEach((k, v) -> {
            if (!k.equals("user") && !v.isEmpty()) {
                parsed.secretTexts.add(v);
            }
        });
        return parsed;
    }

    /** The end of {@code user:password} (the index of its {@code @}) in the text after {@code //}, or -1. */
    private static int userInfoEnd(String rest) {
        int beforePath = -1;
        for (int i = rest.indexOf('@'); i >= 0; i = rest.indexOf('@', i + 1)) {
            int end = i + 1;
            while (end < rest.length() && "/?".indexOf(rest.charAt(end)) < 0) {
                end++;
            }
            if (end < rest.length() && rest.charAt(end) == '/' && HOSTS.matcher(rest.substring(i + 1, end)).matches()) {
                beforePath = i;
            }
        }
        if (beforePath >= 0 || rest.indexOf('@') < 0) {
            return beforePath;
        }
        // no '@' is followed by hosts and a path: it is in the path or the query when hosts and a path come first
        // (the driver needs the path); otherwise whatever precedes the last '@' may be a password
        int slash = rest.indexOf('/');
        if (slash >= 0 && slash < rest.indexOf('@') && HOSTS.matcher(rest.substring(0, slash)).matches()) {
            return -1;
        }
        return rest.lastIndexOf('@');
    }

    private static boolean isSecret(String name, String value) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.contains("password") || n.equals("pwd") || n.equals("passwd")
                || (n.equals("options") && value.toLowerCase(Locale.ROOT).matches("(?s).*(password|pwd|passwd).*"));
    }

    /** Percent-decoding as a URL's parts use it ({@code +} stays a plus); a malformed escape is kept as written. */
    static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    /** False when the text had no {@code scheme:} prefix: nothing of it is kept. */
    public boolean isUrl() {
        return structured;
    }

    /**
     * The URL without any secret, for the driver and for display: the user-info is left out (its user is in
     * {@link #secrets()} as {@code user}, for the driver), and so are the secret parameters.
     */
    public String withoutSecrets() {
        if (!structured) {
            return "(not a URL)";
        }
        StringBuilder sb = new StringBuilder(prefix).append(hosts).append(path);
        char sep = '?';
        for (String[] p : params) {
            sb.append(sep).append(encode(p[0]));
            sb.append('=').append(encode(p[1]));
            sep = '&';
        }
        return sb.toString();
    }

    /**
     * What was taken out: {@code user} (from the user-info), {@code password}, {@code sslpassword}, {@code options},
     * and any other parameter with "password" in its name, by lower-case name; decoded, for the driver's properties.
     */
    public Map<String, String> secrets() {
        return Collections.unmodifiableMap(secrets);
    }

    /** Every secret value in this URL, as written and decoded (and the whole user-info), for scrubbing other texts. */
    public List<String> secretValues() {
        return Collections.unmodifiableList(secretTexts);
    }

    private static String encode(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (Character.isLetterOrDigit(c) && c < 128 || "-._~,:/".indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return withoutSecrets();
    }
}
