package foresto.api;

import foresto.error.ErrorCode;
import foresto.error.ForestoException;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code ?limit=N&offset=M} of the events endpoint: events in event_date order, skip M, then at most N
 * ({@code limit=5&offset=2} = events 3..7). Both optional; ASCII digits only; no other parameters.
 */
record EventPage(long offset, Integer limit) {
    static final int MAX_LIMIT = 1_000_000;

    static EventPage parse(String rawQuery) {
        long offset = 0;
        Integer limit = null;
        if (rawQuery == null || rawQuery.isEmpty()) {
            return new EventPage(0, null);
        }
        boolean seenOffset = false;
        for (String pair : rawQuery.split("&", -1)) {
            String[] kv = pair.split("=", 2);
            String key = decode(kv[0]);
            String value = kv.length == 2 ? decode(kv[1]) : "";
            switch (key) {
                case "limit" -> {
                    if (limit != null) {
                        throw invalid("limit is given twice");
                    }
                    limit = (int) digits("limit", value, 1, MAX_LIMIT);
                }
                case "offset" -> {
                    if (seenOffset) {
                        throw invalid("offset is given twice");
                    }
                    seenOffset = true;
                    offset = digits("offset", value, 0, Long.MAX_VALUE / 2);
                }
                default -> throw invalid("unknown query parameter '" + ScenarioRequestParser.printable(key)
                        + "' (known: limit, offset)");
            }
        }
        return new EventPage(offset, limit);
    }

    /** A percent-encoded query part; a broken escape ({@code %zz}, a lone {@code %}) is the caller's error. */
    private static String decode(String part) {
        try {
            return URLDecoder.decode(part, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid("the query has a broken percent-escape: '" + ScenarioRequestParser.printable(part) + "'");
        }
    }

    private static long digits(String name, String value, long min, long max) {
        if (!value.matches("[0-9]{1,18}") || Long.parseLong(value) < min || Long.parseLong(value) > max) {
            throw invalid(name + " must be an integer from " + min + " to " + max + ", got '"
                    + ScenarioRequestParser.printable(value) + "'");
        }
        return Long.parseLong(value);
    }

    private static ForestoException invalid(String message) {
        return new ForestoException(ErrorCode.INVALID_REQUEST, message);
    }
}
