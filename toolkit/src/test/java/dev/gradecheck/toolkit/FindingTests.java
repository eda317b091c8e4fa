package dev.gradecheck.toolkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FindingTests {

    @Test
    void writesCompactJsonWithSortedNumbersAndEscapedText() {
        Map<String, String> numbers = new LinkedHashMap<>();
        numbers.put("relative_error", "3.333e-01");
        numbers.put("expected_shape", "3x4");

        Finding finding = new Finding("factor-2", "say \"hi\"\\\n\ttab\u0001 — é", numbers);

        assertEquals("{\"code\":\"factor-2\",\"text\":\"say \\\"hi\\\"\\\\\\n\\ttab\\u0001 \\u2014 \\u00e9\","
                + "\"numbers\":{\"expected_shape\":\"3x4\",\"relative_error\":\"3.333e-01\"}}", finding.toJson());
        assertEquals(List.of("expected_shape", "relative_error"), List.copyOf(finding.numbers().keySet()));
    }

    @Test
    void rejectsACodeThatIsNotLowerCaseWordsJoinedByHyphens() {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> new Finding("Factor 2", "text"));

        assertEquals("Finding code must be lower-case words joined by '-', was \"Factor 2\"", thrown.getMessage());
    }

    @Test
    void refusesDiagnosesOnAPassedCheck() {
        assertThrows(IllegalArgumentException.class, () -> new TensorCheck("dW1", true, 0, ErrorBand.EXCELLENT,
                List.of(new Finding("factor-2", "text"))));
    }
}
