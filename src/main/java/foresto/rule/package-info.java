/**
 * The rule codec: how a rule is written and read as table columns, request-hash parameters, the command line's
 * short form and a person's words. It sits just above the engine (which keeps the rule records, their checks
 * and triggers) and below everything else, so the database layer, the model records, the use cases and the
 * three faces all read and write rules the same way.
 */
package foresto.rule;
