/** The one place that reads configuration: environment variables, then the user's config file. */
package foresto.config;
