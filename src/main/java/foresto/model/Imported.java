package foresto.model;

/** A stored dataset and how many stored runs its import deleted (a replace deletes the old data's runs). */
public record Imported(DatasetRecord dataset, int deletedRuns) {
}
