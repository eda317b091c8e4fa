package dev.gradecheck.sandbox.wire;

import dev.gradecheck.api.Diagnosis;
import dev.gradecheck.protocol.DiagnosisCodec;
import dev.gradecheck.protocol.ReportEntryKeys;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.apiguardian.api.API;

/**
 * The report entries one test published, read the way the design page documents them: {@code gradecheck.credit}, a
 * decimal fraction in [0, 1] (the last valid one counts), and {@code gradecheck.diagnosis}, a JSON object
 * {@code {"code", "text", "numbers"}} per diagnosis, read by {@link DiagnosisCodec} (whose rule for codes the toolkit
 * writes them with). Malformed values are ignored with a note; other keys are ignored.
 * Not thread-safe.
 */
@API(status = API.Status.INTERNAL)
public final class ReportEntries {

    static final String CREDIT = ReportEntryKeys.CREDIT;
    static final String DIAGNOSIS = ReportEntryKeys.DIAGNOSIS;
    private static final int MAX_DIAGNOSES = 20;
    private static final int MAX_TEXT_CHARS = 1000;

    private final String test;
    private final List<String> notes;
    private final List<Diagnosis> diagnoses = new ArrayList<>();
    private OptionalDouble credit = OptionalDouble.empty();

    /** @param notes where to note ignored values (shared by the whole run) */
    public ReportEntries(String test, List<String> notes) {
        this.test = test;
        this.notes = notes;
    }

    public void accept(String key, String value) {
        if (CREDIT.equals(key)) {
            acceptCredit(value);
        } else if (DIAGNOSIS.equals(key)) {
            acceptDiagnosis(value);
        }
    }

    public OptionalDouble credit() {
        return credit;
    }

    public List<Diagnosis> diagnoses() {
        return List.copyOf(diagnoses);
    }

    private void acceptCredit(String value) {
        try {
            BigDecimal fraction = new BigDecimal(value.strip());
            if (fraction.signum() >= 0 && fraction.compareTo(BigDecimal.ONE) <= 0) {
                credit = OptionalDouble.of(fraction.doubleValue());
                return;
            }
        } catch (NumberFormatException e) {
            // noted below
        }
        notes.add(test + ": ignored " + CREDIT + " \"" + FailureMessage.cap(value) + "\": not a decimal in [0, 1]");
    }

    private void acceptDiagnosis(String value) {
        if (diagnoses.size() >= MAX_DIAGNOSES) {
            return;
        }
        try {
            DiagnosisCodec.Decoded read = DiagnosisCodec.decode(value);
            Map<String, String> numbers = new LinkedHashMap<>();
            read.numbers().forEach((name, number) -> numbers.put(name, capped(number)));
            diagnoses.add(new Diagnosis(read.code(), capped(read.text()), numbers));
        } catch (IllegalArgumentException e) {
            notes.add(test + ": ignored " + DIAGNOSIS + " \"" + FailureMessage.cap(value)
                    + "\": not a JSON object with a \"code\" of lower-case words joined by '-'");
        }
    }

    private static String capped(String text) {
        return text.length() <= MAX_TEXT_CHARS ? text : text.substring(0, MAX_TEXT_CHARS) + "…";
    }
}
