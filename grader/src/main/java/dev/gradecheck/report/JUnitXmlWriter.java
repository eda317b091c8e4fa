package dev.gradecheck.report;

import dev.gradecheck.api.ExerciseReport;
import dev.gradecheck.api.Finding;
import dev.gradecheck.api.GradeReport;
import dev.gradecheck.api.ManualItemReport;
import dev.gradecheck.scoring.Findings;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.apiguardian.api.API;

/**
 * Writes {@code junit.xml} in the Surefire/Ant JUnit XML shape that CI dashboards, CodeGrade and Artemis read: a
 * {@code <testsuites>} root holding one {@code <testsuite>} per exercise (properties {@code score} and
 * {@code max_score}), whose {@code <testcase>}s are, in order: {@code compilation} (an {@code <error>} when a
 * student file is missing or does not compile), the exercise's {@link ScoredUnit}s (a {@code <failure>} or
 * {@code <error>} unless passed; hidden tests summed into one case without their names, as a student may read this
 * file), and one {@code <skipped>} case per pending manual item (never passed). Messages and captured output are cut
 * to {@link OutputLimits#PER_TEST_CHARS} and stripped of the characters XML 1.0 forbids ({@link XmlText}); the XML
 * writer escapes the rest. A refused grading is one suite {@code gradecheck} with one errored case saying why.
 * Times are seconds with 3 decimals. Thread-safe.
 */
@API(status = API.Status.STABLE)
public final class JUnitXmlWriter implements ReportWriter {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();
    private static final int MESSAGE_ATTRIBUTE_CHARS = 300;

    @Override
    public String fileName() {
        return "junit.xml";
    }

    @Override
    public String render(GradeReport report) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            new Document(xml).write(report);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the JDK's XML writer failed on a string writer", e);
        }
        return text + "\n";
    }

    /** One test case before it is written. */
    private record Case(String classname, String name, long millis, String kind, String type, String message,
                        String output) {

        static Case passed(String classname, String name, long millis, String output) {
            return new Case(classname, name, millis, "", "", "", output);
        }
    }

    /** Writes one document; not thread-safe, one per render. */
    private static final class Document {

        private final XMLStreamWriter xml;

        Document(XMLStreamWriter xml) {
            this.xml = xml;
        }

        void write(GradeReport report) throws XMLStreamException {
            boolean notGraded = report.notGraded().isPresent();
            List<List<Case>> suites = notGraded
                    ? List.of(List.of(new Case("gradecheck", "not graded", 0, "error",
                            report.notGraded().get().kind().jsonName(), report.notGraded().get().reason(), "")))
                    : report.exercises().stream().map(Document::cases).toList();
            List<String> names = notGraded ? List.of("gradecheck")
                    : report.exercises().stream().map(ExerciseReport::id).toList();
            List<Case> all = suites.stream().flatMap(List::stream).toList();
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "gradecheck");
            counts(all);
            for (int i = 0; i < suites.size(); i++) {
                suite(names.get(i), suites.get(i), notGraded ? null : report.exercises().get(i));
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
        }

        private static List<Case> cases(ExerciseReport exercise) {
            List<Case> cases = new java.util.ArrayList<>();
            boolean shown = exercise.visibility().shownNow();
            List<Finding> errors = exercise.findings().stream()
                    .filter(f -> f.rule().equals("compile") || f.rule().equals("missing-file")).toList();
            if (shown) {
                cases.add(errors.isEmpty() ? Case.passed(exercise.id(), "compilation", 0, "")
                        : new Case(exercise.id(), "compilation", 0, "error", "compile",
                                String.join("\n", errors.stream().map(Findings::describe).toList()), ""));
            }
            for (ScoredUnit unit : ScoredUnit.of(exercise)) {
                String classname = unit.test().map(id -> id.substring(0, id.indexOf('#'))).orElse(exercise.id());
                String name = unit.test().map(id -> id.substring(id.indexOf('#') + 1))
                        .orElse(unit.name().substring(exercise.id().length() + 2));
                String output = unit.output().text();
                cases.add(switch (unit.outcome()) {
                    case PASSED -> Case.passed(classname, name, unit.duration().toMillis(), output);
                    case FAILED -> new Case(classname, name, unit.duration().toMillis(), "failure", "failed",
                            unit.message(), output);
                    case ERROR -> new Case(classname, name, unit.duration().toMillis(), "error", "error",
                            unit.message(), output);
                });
            }
            if (shown) {
                for (ManualItemReport item : exercise.manual()) {
                    cases.add(new Case(exercise.id(), "manual: " + item.title(), 0, "skipped", "",
                            PrairieLearnResultsWriter.pending(item), ""));
                }
            }
            return cases;
        }

        private void suite(String name, List<Case> cases, ExerciseReport exercise) throws XMLStreamException {
            xml.writeCharacters("\n  ");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", XmlText.legal(name));
            counts(cases);
            if (exercise != null) {
                xml.writeCharacters("\n    ");
                xml.writeStartElement("properties");
                property("score", Numbers.format(exercise.score()));
                property("max_score", Numbers.format(exercise.automaticMaxScore()));
                property("pending_manual_points", Numbers.format(exercise.pendingManualPoints()));
                xml.writeCharacters("\n    ");
                xml.writeEndElement();
            }
            for (Case testCase : cases) {
                testCase(testCase);
            }
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
        }

        private void property(String name, String value) throws XMLStreamException {
            xml.writeCharacters("\n      ");
            xml.writeEmptyElement("property");
            xml.writeAttribute("name", name);
            xml.writeAttribute("value", value);
        }

        private void counts(List<Case> cases) throws XMLStreamException {
            xml.writeAttribute("tests", Integer.toString(cases.size()));
            xml.writeAttribute("failures", count(cases, "failure"));
            xml.writeAttribute("errors", count(cases, "error"));
            xml.writeAttribute("skipped", count(cases, "skipped"));
            xml.writeAttribute("time", seconds(cases.stream().mapToLong(Case::millis).sum()));
        }

        private static String count(List<Case> cases, String kind) {
            return Long.toString(cases.stream().filter(c -> c.kind().equals(kind)).count());
        }

        private void testCase(Case testCase) throws XMLStreamException {
            xml.writeCharacters("\n    ");
            xml.writeStartElement("testcase");
            xml.writeAttribute("name", XmlText.legal(testCase.name()));
            xml.writeAttribute("classname", XmlText.legal(testCase.classname()));
            xml.writeAttribute("time", seconds(testCase.millis()));
            if (!testCase.kind().isEmpty()) {
                outcome(testCase);
            }
            if (!testCase.output().isEmpty()) {
                xml.writeCharacters("\n      ");
                xml.writeStartElement("system-out");
                xml.writeCharacters(legalCapped(testCase.output()));
                xml.writeEndElement();
            }
            xml.writeCharacters("\n    ");
            xml.writeEndElement();
        }

        private void outcome(Case testCase) throws XMLStreamException {
            xml.writeCharacters("\n      ");
            xml.writeStartElement(testCase.kind());
            String message = testCase.message().strip();
            String firstLine = message.lines().findFirst().orElse("");
            xml.writeAttribute("message", XmlText.legal(OutputLimits.capWithNote(firstLine, MESSAGE_ATTRIBUTE_CHARS)));
            if (!testCase.type().isEmpty()) {
                xml.writeAttribute("type", testCase.type());
            }
            xml.writeCharacters(legalCapped(message));
            xml.writeEndElement();
        }

        private static String legalCapped(String text) {
            return XmlText.legal(OutputLimits.capWithNote(text, OutputLimits.PER_TEST_CHARS));
        }

        private static String seconds(long millis) {
            return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
        }
    }
}
