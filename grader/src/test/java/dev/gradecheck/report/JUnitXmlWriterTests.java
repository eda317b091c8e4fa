package dev.gradecheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradecheck.api.GradeReport;
import dev.gradecheck.testing.JUnitXml;
import dev.gradecheck.testing.SampleReports;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JUnitXmlWriterTests {

    private final JUnitXmlWriter writer = new JUnitXmlWriter();

    @Test
    void isValidAgainstTheSurefireSchemaForEveryReport() {
        for (GradeReport report : List.of(SampleReports.twoExercises(), SampleReports.hostile(), SampleReports.flagged(),
                SampleReports.withHiddenParts(), SampleReports.zeroedAndDeducted(), SampleReports.refused(),
                SampleReports.withHugeOutput(3, 20_000))) {
            assertEquals(List.of(), JUnitXml.problems(writer.render(report)));
        }
    }

    @Test
    void theSchemaRejectsWhatSurefireWouldNot() {
        String valid = writer.render(SampleReports.twoExercises());
        assertFalse(JUnitXml.problems(valid.replace("type=\"failed\"", "")).isEmpty(), "a failure needs a type");
        assertFalse(JUnitXml.problems(valid.replaceAll(" failures=\"\\d+\"", "")).isEmpty(), "a suite counts failures");
        assertFalse(JUnitXml.problems(valid.replaceFirst("time=\"0\\.012\"", "time=\"12ms\"")).isEmpty(), "time is seconds");
        assertFalse(JUnitXml.problems(valid.replace("</testcase>", "<error type=\"x\"/></testcase>")).isEmpty(),
                "at most one error per case, after any failure");
    }

    @Test
    void writesOneSuitePerExerciseWithItsCounts() {
        Document document = JUnitXml.read(writer.render(SampleReports.twoExercises()));
        List<Element> suites = elements(document.getDocumentElement(), "testsuite");
        assertEquals(List.of("mlp", "deep"), suites.stream().map(suite -> suite.getAttribute("name")).toList());
        Element mlp = suites.get(0);
        assertEquals(List.of("5", "2", "1", "0"), List.of(mlp.getAttribute("tests"), mlp.getAttribute("failures"),
                mlp.getAttribute("errors"), mlp.getAttribute("skipped")));
        assertEquals("5.042", mlp.getAttribute("time"));
        Element deep = suites.get(1);
        assertEquals(List.of("3", "0", "2", "1"), List.of(deep.getAttribute("tests"), deep.getAttribute("failures"),
                deep.getAttribute("errors"), deep.getAttribute("skipped")));
        assertEquals("8", document.getDocumentElement().getAttribute("tests"));
    }

    @Test
    void writesFailureErrorAndSkippedWithMessagesAndOutput() {
        Document document = JUnitXml.read(writer.render(SampleReports.twoExercises()));
        List<Element> cases = elements(document.getDocumentElement(), "testcase");
        assertEquals(List.of("mlp compilation", "backprop.mlp.MlpHiddenTests forwardShapes",
                "backprop.mlp.MlpHiddenTests backwardGradients", "backprop.mlp.MlpHiddenTests hugeBatch",
                "mlp code checks", "deep compilation", "backprop.deep.DeepHiddenTests vanishes",
                "deep manual: Written answer"),
                cases.stream().map(c -> c.getAttribute("classname") + " " + c.getAttribute("name")).toList());
        assertTrue(elements(cases.get(1), "failure").isEmpty() && elements(cases.get(1), "error").isEmpty());
        Element failure = elements(cases.get(2), "failure").get(0);
        assertEquals("db1 is wrong: relative error 0.8", failure.getAttribute("message"));
        assertEquals("failed", failure.getAttribute("type"));
        assertEquals("loss 0.25\n```\n", elements(cases.get(2), "system-out").get(0).getTextContent());
        assertEquals("took longer than 5000 ms", elements(cases.get(3), "error").get(0).getAttribute("message"));
        assertEquals("-1 src/Mlp.java:41:9: backward calls forward",
                elements(cases.get(4), "failure").get(0).getTextContent());
        assertEquals("Deep.java:3:1: ';' expected", elements(cases.get(5), "error").get(0).getTextContent());
        Element pending = elements(cases.get(7), "skipped").get(0);
        assertEquals("pending (graded by hand later, not in this score): Written answer, 5 points",
                pending.getAttribute("message"), "a pending item is skipped, never passed");
    }

    @Test
    void stripsCharactersIllegalInXmlAndKeepsTheRestEscaped() {
        String rendered = writer.render(SampleReports.withHugeOutput(1, 100));
        Document document = JUnitXml.read(rendered);
        String output = elements(document.getDocumentElement(), "system-out").get(0).getTextContent();
        assertFalse(output.contains("\u0000") || output.contains("\u001B") || output.contains("\uD800"), output);
        assertTrue(output.startsWith("loss [31m <tag> & ]]>  ok\n"), output);
        assertEquals("a\tb\nc\u00E9\uD83D\uDE00", XmlText.legal("a\u0001\tb\nc\u00E9\uFFFE\uD83D\uDE00\uDC00"));
    }

    @Test
    void capsMessagesAndOutputAndSaysSo() {
        Document document = JUnitXml.read(writer.render(SampleReports.withHugeOutput(1, 50_000)));
        String message = elements(document.getDocumentElement(), "failure").get(0).getTextContent();
        assertEquals("x".repeat(8_000) + "\n[... 42000 more characters cut to stay within the platform's output limit]",
                message);
    }

    @Test
    void aRefusedGradingIsOneErroredCaseSayingWhy() {
        Document document = JUnitXml.read(writer.render(SampleReports.refused()));
        Element error = elements(document.getDocumentElement(), "error").get(0);
        assertEquals("the zip file is corrupt: re-create it and submit again", error.getAttribute("message"));
        assertEquals("refused", error.getAttribute("type"));
    }

    static List<Element> elements(Element root, String name) {
        NodeList nodes = root.getElementsByTagName(name);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }
}
