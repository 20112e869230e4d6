/**
 * The languages of what the analyst reads: messages from the {@code foresto/i18n/messages} bundles (English by
 * default, Korean), dates and numbers in the chosen language's form, and errors in plain words with their code kept.
 * Depends on {@code java.base} and the error codes only, so every face may use it.
 */
package foresto.i18n;
