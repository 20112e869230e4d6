package foresto.api;

import foresto.error.ErrorCode;
import foresto.error.ForestoException;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API's routes: a method and a path pattern (a regular expression over the decoded path, whose groups the
 * handler reads) to a handler. One line registers a route; a path that matches a pattern with another method is
 * 405 with {@code Allow}, a path that matches none is 404.
 */
final class Router {
    /** What a route does with one request; it answers through the exchange, now or later. */
    @FunctionalInterface
    interface Route {
        void handle(Exchange ex) throws Exception;
    }

    private record Entry(String method, Pattern path, boolean open, Route route) {
    }

    /** The route a request goes to, with the groups its path pattern captured. */
    record Match(Route route, Matcher path) {
    }

    private final List<Entry> entries = new ArrayList<>();

    /** Adds a route that needs the API token. */
    Router add(String method, String pathPattern, Route route) {
        entries.add(new Entry(method, Pattern.compile(pathPattern), false, route));
        return this;
    }

    /** Adds a route anyone on the machine may call (the health check): no token asked. */
    Router addOpen(String method, String pathPattern, Route route) {
        entries.add(new Entry(method, Pattern.compile(pathPattern), true, route));
        return this;
    }

    /** Whether every route with this path is open (asks no token); false for unknown paths. */
    boolean isOpen(String path) {
        boolean any = false;
        for (Entry e : entries) {
            if (e.path().matcher(path).matches()) {
                if (!e.open()) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    /** The route for this request, or NOT_FOUND / METHOD_NOT_ALLOWED (with the Allow header set on the exchange). */
    Match find(Exchange ex) {
        TreeSet<String> allowed = new TreeSet<>();
        for (Entry e : entries) {
            Matcher m = e.path().matcher(ex.path());
            if (m.matches()) {
                if (e.method().equals(ex.method())) {
                    return new Match(e.route(), m);
                }
                allowed.add(e.method());
            }
        }
        if (allowed.isEmpty()) {
            throw new ForestoException(ErrorCode.NOT_FOUND, "no route " + ScenarioRequestParser.printable(ex.method())
                    + " " + ScenarioRequestParser.printable(ex.path()));
        }
        String allow = String.join(", ", allowed);
        ex.header("Allow", allow);
        throw new ForestoException(ErrorCode.METHOD_NOT_ALLOWED,
                ScenarioRequestParser.printable(ex.method()) + " is not allowed here; use " + allow);
    }
}
