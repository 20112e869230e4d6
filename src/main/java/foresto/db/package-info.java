/**
 * PostgreSQL over HikariCP: configuration to DataSource (embedded PostgreSQL by default), Flyway migrations
 * from {@code seed/}, sample data, and one repository per table family. Every statement is a
 * PreparedStatement; no password is ever logged or printed.
 */
package foresto.db;
