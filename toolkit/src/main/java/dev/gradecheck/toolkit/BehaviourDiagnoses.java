package dev.gradecheck.toolkit;

import java.util.List;
import java.util.Map;

/** Student-facing diagnoses about how a backward pass behaves rather than what one gradient holds. */
final class BehaviourDiagnoses {

    private BehaviourDiagnoses() {
    }

    static Finding nonDeterministic(String name, String difference, Map<String, String> numbers) {
        return new Finding("non-deterministic", name + " differs between two backward passes on the same input ("
                + difference + ") — backward must not change the cache, the parameters or any field it reads:"
                + " compute into new arrays instead of updating state in place.", numbers);
    }

    static Finding mutatesInput(String name, String change, Map<String, String> numbers) {
        return new Finding("mutates-input", "the backward pass changed " + name + " (" + change + ") — treat its"
                + " inputs and the cache as read-only and compute into new arrays.", numbers);
    }

    static Finding wrongTensors(List<String> failed, int total) {
        return new Finding("wrong-tensors", failed.size() + " of " + total + " gradients are wrong ("
                + String.join(", ", failed) + ") while the others are right — the mistake is in a step that only"
                + " these depend on, e.g. one layer's activation derivative or the input factor of a product.",
                Map.of("wrong_tensors", String.join(",", failed),
                        "wrong_count", Integer.toString(failed.size()),
                        "total", Integer.toString(total)));
    }
}
