package dev.gradecheck.cluster;

import org.apiguardian.api.API;

/**
 * The cluster will not start or go on as asked, for a reason the person running it can fix, which the message says:
 * a key file others can read, a worker whose course differs from the coordinator's, a member list that names no one.
 */
@API(status = API.Status.EXPERIMENTAL)
public final class ClusterRefused extends Exception {

    private static final long serialVersionUID = 1L;

    public ClusterRefused(String message) {
        super(message);
    }

    public ClusterRefused(String message, Throwable cause) {
        super(message, cause);
    }
}
