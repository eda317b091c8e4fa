package dev.gradecheck.toolkit;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The verdict on one gradient tensor: one per tensor, so that a hidden test can award partial credit per tensor
 * through {@link Verdicts#publish}.
 *
 * @param name          the tensor's name as students know it (e.g. {@code dW1}), never null
 * @param passed        whether the tensor passed: right shape, all finite, relative error below
 *                      {@link Gradients#PASS_BAR}
 * @param relativeError the relative error, or NaN when it could not be computed (null, wrong shape, NaN/Inf)
 * @param band          the band of {@code relativeError}, never null
 * @param diagnoses     what is wrong, most specific first; always empty when {@code passed}; copied
 */
@API(status = API.Status.STABLE, since = "0.1")
public record TensorCheck(String name, boolean passed, double relativeError, ErrorBand band,
                          List<Finding> diagnoses) {

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if a passed check carries diagnoses (a correct gradient is never diagnosed)
     * @throws NullPointerException     if name, band or diagnoses is null
     */
    public TensorCheck {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(band, "band");
        diagnoses = List.copyOf(diagnoses);
        if (passed && !diagnoses.isEmpty()) {
            throw new IllegalArgumentException("a passed TensorCheck carries no diagnoses, " + name + " has "
                    + diagnoses.size());
        }
    }

    /**
     * A passed check.
     *
     * @param name          the tensor's name
     * @param relativeError its relative error
     * @return the check, with the band of the error and no diagnoses
     */
    public static TensorCheck passed(String name, double relativeError) {
        return new TensorCheck(name, true, relativeError, ErrorBand.of(relativeError), List.of());
    }

    /**
     * A failed check, e.g. for a test's own logic.
     *
     * @param name          the tensor's name
     * @param relativeError its relative error, NaN if none
     * @param diagnoses     what is wrong
     * @return the check, with the band of the error
     */
    public static TensorCheck failed(String name, double relativeError, List<Finding> diagnoses) {
        return new TensorCheck(name, false, relativeError, ErrorBand.of(relativeError), diagnoses);
    }

    /** @return the codes of the diagnoses, in order */
    public List<String> codes() {
        return diagnoses.stream().map(Finding::code).toList();
    }

    /** @return whether a diagnosis has the given code */
    public boolean hasDiagnosis(String code) {
        return codes().contains(code);
    }

    /** @return the first (most specific) diagnosis, empty when there is none */
    public Optional<Finding> firstDiagnosis() {
        return diagnoses.stream().findFirst();
    }
}
