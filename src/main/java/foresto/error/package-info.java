/** Stable error codes and the exception that carries them; depends on nothing else in Foresto. */
package foresto.error;
