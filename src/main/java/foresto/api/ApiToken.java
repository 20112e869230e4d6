package foresto.api;

import foresto.error.ErrorCode;
import foresto.error.ForestoException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The bearer token every API route but the health check asks for, as Jupyter does: 256 random bits
 * (SecureRandom, URL-safe Base64) kept in {@code <data dir>/api-token}, created 0600 on the first {@code serve},
 * or given by {@code FORESTO_API_TOKEN}. A token file that others could read, that is not a plain file, or that
 * another user owns is refused rather than used: someone may have read or planted it.
 */
public final class ApiToken {
    public static final String FILE_NAME = "api-token";
    public static final String ENV = "FORESTO_API_TOKEN";
    /** Shorter tokens are guessable; 22 URL-safe characters carry 128 bits. */
    static final int MIN_LENGTH = 22;
    private static final int MAX_LENGTH = 512;
    private static final int RANDOM_BYTES = 32;
    private static final String BEARER = "bearer ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] secret;
    private final String source;

    private ApiToken(String token, String source) {
        this.secret = token.getBytes(StandardCharsets.US_ASCII);
        this.source = source;
    }

    /** A token given as text (tests, {@code FORESTO_API_TOKEN}): printable URL-safe or Base64 characters, 22 to 512. */
    public static ApiToken of(String token, String source) {
        if (token == null || token.length() < MIN_LENGTH || token.length() > MAX_LENGTH
                || !token.matches("[A-Za-z0-9._~+/-]+=*")) {
            throw new ForestoException(ErrorCode.INVALID_ARGUMENT, "the API token from " + source + " must be "
                    + MIN_LENGTH + " to " + MAX_LENGTH + " characters from A-Z a-z 0-9 - _ . ~ + / (then optional =)");
        }
        return new ApiToken(token, source);
    }

    /** A new random token: 256 bits from SecureRandom, 43 URL-safe characters. */
    public static String generate() {
        byte[] b = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** {@code given} (from {@code FORESTO_API_TOKEN}) when set, else the token in {@code <dataDirectory>/api-token} (made on first use). */
    public static ApiToken resolve(String given, Path dataDirectory) {
        if (given != null && !given.isBlank()) {
            return of(given.strip(), ENV);
        }
        return fromFile(dataDirectory.resolve(FILE_NAME));
    }

    /** The token in {@code file}, written there first (0600, created atomically) when there is none. */
    static ApiToken fromFile(Path file) {
        try {
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                try {
                    write(file, generate());
                } catch (FileAlreadyExistsException raced) {
                    // another serve made it first: read theirs
                }
            }
            requirePrivate(file);
            String token = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return of(token, file.toString());
        } catch (IOException e) {
            throw new ForestoException(ErrorCode.INVALID_ARGUMENT, "cannot read or create the API token file "
                    + file + ": " + e.getMessage() + " (or give the token in " + ENV + ")");
        }
    }

    private static void write(Path file, String token) throws IOException {
        Set<PosixFilePermission> owner = PosixFilePermissions.fromString("rw-------");
        try (SeekableByteChannel ch = Files.newByteChannel(file, EnumSet.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(owner))) {
            ch.write(ByteBuffer.wrap((token + "\n").getBytes(StandardCharsets.US_ASCII)));
        }
    }

    /** Refuses a token file that is not a plain file, not ours, or open to the group or others in any way. */
    static void requirePrivate(Path file) throws IOException {
        PosixFileAttributes a = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!a.isRegularFile()) {
            throw insecure(file, "is not a plain file (a link or a folder)");
        }
        UserPrincipal me = file.getFileSystem().getUserPrincipalLookupService()
                .lookupPrincipalByName(System.getProperty("user.name"));
        if (!a.owner().equals(me)) {
            throw insecure(file, "belongs to " + a.owner().getName() + ", not to " + me.getName());
        }
        Set<PosixFilePermission> open = EnumSet.noneOf(PosixFilePermission.class);
        for (PosixFilePermission p : a.permissions()) {
            if (!p.name().startsWith("OWNER_")) {
                open.add(p);
            }
        }
        if (!open.isEmpty()) {
            throw insecure(file, "can be used by others (mode " + PosixFilePermissions.toString(a.permissions())
                    + "); run chmod 600 " + file + " if you trust it, or delete it to get a new token");
        }
    }

    private static ForestoException insecure(Path file, String why) {
        return new ForestoException(ErrorCode.INSECURE_FILE, "refusing the API token file " + file + ": it " + why);
    }

    /** Where the token came from: {@code FORESTO_API_TOKEN} or the file's path (never the token itself). */
    public String source() {
        return source;
    }

    /** Whether an {@code Authorization} header carries this token ({@code Bearer <token>}), compared in constant time. */
    boolean accepts(String authorization) {
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
            return false;
        }
        byte[] given = authorization.substring(BEARER.length()).strip().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(given, secret);
    }

    @Override
    public String toString() {
        return "API token from " + source;
    }
}
