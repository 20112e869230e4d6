/**
 * The application's records: portfolios, rules, datasets and stored runs as the repositories read them and
 * the services hand them to the faces (desktop, HTTP, command line). Plain immutable data; no database access,
 * so a face can show them without depending on {@code foresto.db}.
 */
package foresto.model;
