/** The project's one Jackson configuration: snake_case keys, ISO dates, sorted map keys, strict reading. */
package foresto.json;
