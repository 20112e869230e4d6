/**
 * The Rules screen: list, create, edit and deactivate rebalancing rules, validated inline with the same codes the
 * rule service uses.
 */
package foresto.ui.rules;
