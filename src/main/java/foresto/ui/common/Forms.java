package foresto.ui.common;

import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;

/** The small pieces the study forms are built of: a labelled control and a text field bound to a property. */
public final class Forms {
    private Forms() {
    }

    /** {@code text} and then {@code n}, side by side, centred on one line. */
    public static HBox labelled(String text, Node n) {
        HBox box = new HBox(4, new Label(text), n);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** A text field bound both ways to {@code p}, with its id and width in columns. */
    public static TextField field(StringProperty p, String id, int columns) {
        TextField f = new TextField();
        f.textProperty().bindBidirectional(p);
        f.setId(id);
        f.setPrefColumnCount(columns);
        return f;
    }
}
