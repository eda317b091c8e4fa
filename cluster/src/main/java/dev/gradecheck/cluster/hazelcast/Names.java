package dev.gradecheck.cluster.hazelcast;

import java.util.Objects;

/** The names of one batch's structures in the cluster, all under {@code gradecheck.NAMESPACE.}. */
record Names(String namespace) {

    Names {
        Objects.requireNonNull(namespace, "namespace");
        if (!namespace.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("a batch namespace must be 1..64 letters, digits, '.', '_' or '-', was '"
                    + namespace + "'");
        }
    }

    String jobs() {
        return "gradecheck." + namespace + ".jobs";
    }

    String leases() {
        return "gradecheck." + namespace + ".leases";
    }

    String results() {
        return "gradecheck." + namespace + ".results";
    }

    String done() {
        return "gradecheck." + namespace + ".done";
    }

    String batch() {
        return "gradecheck." + namespace + ".batch";
    }
}
