/** The command line: a plain launcher (never an Application subclass) and one class per command. */
package foresto.cli;
