/**
 * Text forms of numbers shared by every layer, the engine included (it depends on nothing but {@code java.base}).
 */
package foresto.text;
