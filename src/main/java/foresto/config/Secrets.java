package foresto.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes credentials from any text that may reach a person or a log: the user-info part of a URL in every
 * form ({@code jdbc:postgresql://u:pw@…}, {@code postgresql://u:pw@…}, {@code //pw@…}), {@code password=}
 * parameters, and every literal occurrence of the secrets the caller knows (the configured password).
 */
public final class Secrets {
    private static final Pattern USER_INFO = Pattern.compile("//[^/\\s@?#]*@");
    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)\\b(password|pwd|passwd)(\\s*[=:]\\s*)[^&;\\s,)]*");

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

    /** The password inside a URL's user-info ({@code //user:password@}), or null. */
    public static String passwordInUrl(String url) {
        if (url == null) {
            return null;
        }
        Matcher m = Pattern.compile("//([^/\\s@?#]*)@").matcher(url);
        if (!m.find()) {
            return null;
        }
        String info = m.group(1);
        int colon = info.indexOf(':');
        return colon < 0 ? info : info.substring(colon + 1);
    }
}
