package dev.agentteam.common.testreport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads JUnit XML ({@code <testsuites>} or {@code <testsuite>} with {@code <testcase>} children). The files come from
 * untrusted code, so DTDs and external entities are refused. Counts come from the test cases themselves, not from
 * the suites' attributes, which tools fill in differently.
 */
public final class JUnitXmlReports {

    private JUnitXmlReports() {
    }

    /** Merges several report files into one report; a file that is not JUnit XML is an {@link IllegalArgumentException}. */
    public static TestReport parse(List<byte[]> files) {
        int tests = 0;
        int failures = 0;
        int errors = 0;
        int skipped = 0;
        List<TestFailure> failed = new ArrayList<>();
        for (byte[] file : files) {
            NodeList cases = read(file).getElementsByTagName("testcase");
            for (int i = 0; i < cases.getLength(); i++) {
                Element test = (Element) cases.item(i);
                tests++;
                Element failure = child(test, "failure");
                Element error = child(test, "error");
                if (error != null) {
                    errors++;
                    failed.add(new TestFailure(name(test), true, message(error)));
                } else if (failure != null) {
                    failures++;
                    failed.add(new TestFailure(name(test), false, message(failure)));
                } else if (child(test, "skipped") != null) {
                    skipped++;
                }
            }
        }
        return new TestReport(tests, failures, errors, skipped, failed, files.isEmpty() ? "none" : "junit-xml");
    }

    private static Document read(byte[] file) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            Document document = builder.parse(new ByteArrayInputStream(file));
            String root = document.getDocumentElement().getTagName();
            if (!root.equals("testsuites") && !root.equals("testsuite")) {
                throw new IllegalArgumentException("not a JUnit XML report: the root element is <" + root + ">");
            }
            return document;
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalArgumentException("not a readable JUnit XML report: " + e.getMessage(), e);
        }
    }

    private static String name(Element test) {
        String classname = test.getAttribute("classname");
        String name = test.getAttribute("name");
        return classname.isBlank() ? name : classname + "." + name;
    }

    private static String message(Element failure) {
        String message = failure.getAttribute("message");
        if (!message.isBlank()) {
            return message;
        }
        String text = failure.getTextContent() == null ? "" : failure.getTextContent().strip();
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private static Element child(Element parent, String tag) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                return e;
            }
        }
        return null;
    }
}
