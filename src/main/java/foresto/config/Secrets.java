package foresto.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes credentials from any text that may reach a person or a log: every literal occurrence of the secrets the
 * caller knows (the configured password, the secrets of the configured URL, see {@link #inUrl}), then, as a
 * second line of defence for texts written by others, anything that looks like a URL's user-info or a
 * {@code password=} value (to the next {@code &} or the end of the line). URLs we print go through
 * {@link #displayUrl}, which takes them apart structurally instead.
 */
public final class Secrets {
    private static final Pattern USER_INFO = Pattern.compile("//[^\\s]*@");
    /** A value runs to the next parameter or the end of the line: a password may hold commas, spaces or ')'. */
    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)\\b(\\w*password|pwd|passwd)(\\s*[=:]\\s*)[^&\\r\\n]*");

    private Secrets() {
    }

    public static String redact(String text, String... secrets) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String s : secrets) {
            if (s != null && !s.isEmpty()) {
                out = out.replace(s, "***");
            }
        }
        out = USER_INFO.matcher(out).replaceAll("//***@");
        return PASSWORD_PARAM.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + "***"));
    }

    /**
     * The password inside a URL's user-info ({@code //user:password@}) as written, or null; read structurally (see
     * {@link JdbcUrl}), so raw {@code / ? # @} in it are part of it. Use {@link #inUrl} for every secret of a URL.
     */
    public static String passwordInUrl(String url) {
        if (url == null) {
            return null;
        }
        return JdbcUrl.parse(url).secrets().get("password");
    }

    /** Every secret in a URL (passwords, sslpassword, options naming a password), raw and decoded. */
    public static String[] inUrl(String url) {
        return url == null ? new String[0] : JdbcUrl.parse(url).secretValues().toArray(String[]::new);
    }

    /** {@code url} without its secrets, for display and logs (see {@link JdbcUrl#withoutSecrets()}). */
    public static String displayUrl(String url) {
        return JdbcUrl.parse(url).withoutSecrets();
    }
}
