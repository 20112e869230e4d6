package foresto.ui.common;

import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The bundled Korean font. JavaFX draws Hangul only with a TrueType/OpenType font it can find; many
 * machines have none it can use (Debian's Noto CJK is a CFF collection JavaFX ignores), and labels then show
 * boxes. The build puts Google's Noto Sans KR (SIL Open Font License 1.1, text in
 * {@code foresto/fonts/LICENSE_FONT}) on the class path; it is loaded once, before the first scene, and the
 * style sheet makes it the font of every screen.
 */
public final class Fonts {
    private static final Logger LOG = LoggerFactory.getLogger(Fonts.class);
    /** The family name the style sheet and the charts ask for. */
    public static final String FAMILY = "Noto Sans KR";
    private static final String[] FILES = {
            "/foresto/fonts/400Regular/NotoSansKR_400Regular.ttf",
            "/foresto/fonts/700Bold/NotoSansKR_700Bold.ttf"};
    private static List<String> loaded;
    private static volatile Path cache;

    private Fonts() {
    }

    /**
     * Keeps the faces as files in {@code dir} (extracted once): JavaFX loads a font file directly, but copies a
     * stream to a temporary file first — 12 MB written on every start (left behind when the process is killed) and
     * ~3× the time. Call before {@link #load}; without it the faces are loaded from the class path as streams.
     */
    public static void cacheIn(Path dir) {
        cache = dir;
    }

    /**
     * Loads the bundled faces (once; any thread). Returns the families loaded: empty when the font is not on
     * the class path (a build that skipped the download), in which case the platform's fonts are used.
     */
    public static synchronized List<String> load() {
        if (loaded != null) {
            return loaded;
        }
        List<String> families = new ArrayList<>();
        for (String file : FILES) {
            Optional<Path> extracted = cache == null ? Optional.empty() : extract(file, cache);
            if (extracted.isPresent()) {
                Font f = Font.loadFont(extracted.get().toUri().toString(), 12);
                if (f != null) {
                    if (!families.contains(f.getFamily())) {
                        families.add(f.getFamily());
                    }
                    continue;
                }
            }
            try (InputStream in = Fonts.class.getResourceAsStream(file)) {
                if (in == null) {
                    continue;
                }
                Font f = Font.loadFont(in, 12);
                if (f != null && !families.contains(f.getFamily())) {
                    families.add(f.getFamily());
                }
            } catch (IOException e) {
                LOG.warn("could not read the bundled font {}: {}", file, e.getMessage());
            }
        }
        loaded = List.copyOf(families);
        return loaded;
    }

    /**
     * The class-path font {@code resource} as a file in {@code dir}, written once (to a temporary name, then moved
     * into place) and named with its size, so a changed font gets a file of its own; empty when it is not on the
     * class path or cannot be written (the caller then loads the stream).
     */
    static Optional<Path> extract(String resource, Path dir) {
        try {
            var url = Fonts.class.getResource(resource);
            if (url == null) {
                return Optional.empty();
            }
            long size = url.openConnection().getContentLengthLong();
            String name = resource.substring(resource.lastIndexOf('/') + 1);
            Path target = dir.resolve(name.replace(".ttf", "") + "-" + size + ".ttf");
            if (size > 0 && Files.isRegularFile(target) && Files.size(target) == size) {
                return Optional.of(target);
            }
            Files.createDirectories(dir);
            Path part = Files.createTempFile(dir, name, ".part");
            try (InputStream in = url.openStream()) {
                Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(part);
            }
            return Files.size(target) == size || size <= 0 ? Optional.of(target) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The bundled family at {@code size} (the platform's default family when it is missing). */
    public static Font regular(double size) {
        return Font.font(load().isEmpty() ? Font.getDefault().getFamily() : FAMILY, size);
    }

    /** Bold face of the bundled family. */
    public static Font bold(double size) {
        return Font.font(load().isEmpty() ? Font.getDefault().getFamily() : FAMILY,
                FontWeight.BOLD, size);
    }
}
