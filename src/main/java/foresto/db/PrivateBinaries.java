package foresto.db;

import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the embedded PostgreSQL's programs are unpacked and run from: a folder only this user can change,
 * never the shared temporary folder the embedded library uses by default (where any local user can plant a
 * {@code pg_ctl} that we would then run as ourselves).
 *
 * <p>The folder (default {@code $XDG_CACHE_HOME/foresto/postgresql}, see
 * AppConfig.postgresBinaries()) is created 0700. Before every start it and every folder
 * above it must be owned by this user or by root, and writable by nobody else — a root-owned folder with the
 * sticky bit ({@code /tmp}) is allowed above it, since others cannot rename or replace entries there. A folder that
 * fails is refused with {@link ErrorCode#DATABASE_UNAVAILABLE} and the reason; it is never repaired silently.
 *
 * <p>The library unpacks into {@code <folder>/unpacked/PG-<md5>} and makes {@code unpacked} writable for everyone
 * each time; that is harmless inside our 0700 folder, and we narrow it back to 0700 anyway.
 */
final class PrivateBinaries {
    static final String UNPACKED = "unpacked";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    /**
     * The library caches unpacked binaries per resolver for the life of the JVM, whatever folder was asked for:
     * one resolver per private folder keeps that cache from handing out a folder we did not check.
     */
    private static final Map<Path, PgBinaryResolver> RESOLVERS = new ConcurrentHashMap<>();

    private PrivateBinaries() {
    }

    /** Creates (0700) and checks the folder; returns the folder the library should unpack into. */
    static Path prepare(Path folder) {
        Path abs = folder.toAbsolutePath().normalize();
        try {
            if (!Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
                Path parent = abs.getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.createDirectory(abs, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            }
            UserPrincipal me = currentUser();
            requireSafe(abs, me, true);
            for (Path p = abs.getParent(); p != null; p = p.getParent()) {
                requireSafe(p, me, false);
            }
            Path unpacked = abs.resolve(UNPACKED);
            if (!Files.exists(unpacked, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(unpacked, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            }
            requireOwnedDirectory(unpacked, me);
            Files.setPosixFilePermissions(unpacked, OWNER_ONLY);
            return unpacked;
        } catch (IOException | UnsupportedOperationException e) {
            throw refused(abs, "it cannot be created or checked (" + e.getMessage() + ")");
        }
    }

    /** After a start: the library widened {@code unpacked}; narrow it again. */
    static void narrow(Path unpacked) {
        try {
            Files.setPosixFilePermissions(unpacked, OWNER_ONLY);
        } catch (IOException ignored) {
            // checked and narrowed again before the next start
        }
    }

    /** The resolver to hand the library for this folder (see {@link #RESOLVERS}). */
    static PgBinaryResolver resolverFor(Path unpacked) {
        return RESOLVERS.computeIfAbsent(unpacked.toAbsolutePath().normalize(), k -> new Resolver());
    }

    private static void requireSafe(Path dir, UserPrincipal me, boolean own) throws IOException {
        PosixFileAttributes a = Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (a.isSymbolicLink()) {
            // a link above us is only as safe as where it points and what it is in; check the real folder instead
            Path real = dir.toRealPath();
            requireSafe(real, me, own);
            for (Path p = real.getParent(); p != null; p = p.getParent()) {
                requireSafe(p, me, false);
            }
            return;
        }
        if (!a.isDirectory()) {
            throw refused(dir, "it is not a folder");
        }
        boolean mine = a.owner().equals(me);
        boolean root = "root".equals(a.owner().getName());
        if (!mine && !(root && !own)) {
            throw refused(dir, "it is owned by " + a.owner().getName() + ", not by " + me.getName());
        }
        Set<PosixFilePermission> perms = a.permissions();
        boolean othersWrite = perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE);
        if (othersWrite && (own || !root || !isSticky(dir))) {
            throw refused(dir, "it is writable by other users (" + PosixFilePermissions.toString(perms)
                    + "); make it private, e.g. chmod go-w " + dir);
        }
    }

    private static void requireOwnedDirectory(Path dir, UserPrincipal me) throws IOException {
        PosixFileAttributes a = Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!a.isDirectory() || !a.owner().equals(me)) {
            throw refused(dir, "it is not a folder owned by " + me.getName());
        }
    }

    private static boolean isSticky(Path dir) throws IOException {
        Object mode = Files.getAttribute(dir, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        return mode instanceof Integer m && (m & 01000) != 0;
    }

    private static UserPrincipal currentUser() throws IOException {
        return FileSystems.getDefault().getUserPrincipalLookupService()
                .lookupPrincipalByName(System.getProperty("user.name"));
    }

    private static ForestoException refused(Path dir, String why) {
        return new ForestoException(ErrorCode.DATABASE_UNAVAILABLE, "refusing to run PostgreSQL's programs from "
                + dir + ": " + why + ". The embedded database's programs must live in a folder only you can change "
                + "(set FORESTO_PG_BINARIES to another one, or fix this one)");
    }

    /** Delegates to the library's own binaries; exists to be a cache key of its own. */
    private static final class Resolver implements PgBinaryResolver {
        @Override
        public InputStream getPgBinary(String system, String machineHardware) throws IOException {
            return DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware);
        }
    }
}
