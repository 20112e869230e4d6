/** CSV in and out: validated market-data reading (line/column errors) and the one Excel-safe event writer. */
package foresto.csv;
