package dev.gradecheck.testing;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * JUnit XML read back the way a consumer reads it: the JDK's validating parser against
 * {@code src/test/resources/junit/junit-testsuites.xsd} (Surefire's report schema under an Ant {@code testsuites}
 * root), every warning and error collected, and the DOM returned for field-by-field checks.
 */
public final class JUnitXml {

    private static final Schema SCHEMA = schema();

    private JUnitXml() {
    }

    /** Every schema or well-formedness problem of {@code xml}, with line and column; empty when it is valid. */
    public static List<String> problems(String xml) {
        List<String> problems = new ArrayList<>();
        try {
            parse(xml, problems);
        } catch (SAXException e) {
            problems.add("not well-formed: " + e.getMessage());
        }
        return problems;
    }

    /** The document, parsed with schema validation; throws {@link AssertionError} listing its problems. */
    public static Document read(String xml) {
        List<String> problems = new ArrayList<>();
        try {
            Document document = parse(xml, problems);
            if (!problems.isEmpty()) {
                throw new AssertionError("junit.xml is not valid: " + problems);
            }
            return document;
        } catch (SAXException e) {
            throw new AssertionError("junit.xml is not well-formed: " + e.getMessage(), e);
        }
    }

    private static Document parse(String xml, List<String> problems) throws SAXException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setSchema(SCHEMA);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new Collector(problems));
            return builder.parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Schema schema() {
        URL xsd = JUnitXml.class.getResource("/junit/junit-testsuites.xsd");
        try {
            return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                    .newSchema(new StreamSource(xsd.toExternalForm()));
        } catch (SAXException e) {
            throw new IllegalStateException("the JUnit XML schema does not load: " + e.getMessage(), e);
        }
    }

    private record Collector(List<String> problems) implements ErrorHandler {
        @Override
        public void warning(SAXParseException e) {
            add(e);
        }

        @Override
        public void error(SAXParseException e) {
            add(e);
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }

        private void add(SAXParseException e) {
            problems.add(e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
        }
    }
}
