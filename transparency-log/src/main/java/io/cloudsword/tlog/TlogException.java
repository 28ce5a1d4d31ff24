package io.cloudsword.tlog;

/**
 * A proof, note, key, tile or bundle that does not check out. The message says why, in words a
 * support engineer (or a customs officer's error screen) can act on.
 */
public final class TlogException extends RuntimeException {

    public TlogException(String message) {
        super(message);
    }

    public TlogException(String message, Throwable cause) {
        super(message, cause);
    }
}
