package foresto.ui;

import javafx.scene.text.Font;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The bundled Korean font. JavaFX draws Hangul only with a TrueType/OpenType font it can find; many
 * machines have none it can use (Debian's Noto CJK is a CFF collection JavaFX ignores), and labels then show
 * boxes. The build puts Google's Noto Sans KR (SIL Open Font License 1.1, text in
 * {@code foresto/fonts/LICENSE_FONT}) on the class path; it is loaded once, before the first scene, and the
 * style sheet makes it the font of every screen.
 */
public final class Fonts {
    /** The family name the style sheet and the charts ask for. */
    public static final String FAMILY = "Noto Sans KR";
    private static final String[] FILES = {
            "/foresto/fonts/400Regular/NotoSansKR_400Regular.ttf",
            "/foresto/fonts/700Bold/NotoSansKR_700Bold.ttf"};
    private static List<String> loaded;

    private Fonts() {
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
            try (InputStream in = Fonts.class.getResourceAsStream(file)) {
                if (in == null) {
                    continue;
                }
                Font f = Font.loadFont(in, 12);
                if (f != null && !families.contains(f.getFamily())) {
                    families.add(f.getFamily());
                }
            } catch (IOException e) {
                System.err.println("warning: could not read the bundled font " + file + ": " + e.getMessage());
            }
        }
        loaded = List.copyOf(families);
        return loaded;
    }

    /** The bundled family at {@code size} (the platform's default family when it is missing). */
    public static Font regular(double size) {
        return Font.font(load().isEmpty() ? Font.getDefault().getFamily() : FAMILY, size);
    }

    /** Bold face of the bundled family. */
    public static Font bold(double size) {
        return Font.font(load().isEmpty() ? Font.getDefault().getFamily() : FAMILY,
                javafx.scene.text.FontWeight.BOLD, size);
    }
}
