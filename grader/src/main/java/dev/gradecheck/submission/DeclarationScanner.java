package dev.gradecheck.submission;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A single linear pass over Java source text that skips comments, string, character and text-block literals, and
 * reads the {@code package} declaration and the names of the top-level types (those declared at brace depth 0). It
 * never recurses, so no input can exhaust the stack, and it never fails: a file with syntax errors is still scanned.
 * Not thread-safe; use one instance per text.
 */
final class DeclarationScanner {

    private static final Set<String> TYPE_KEYWORDS = Set.of("class", "interface", "enum");
    private static final String CHAIN_CHARACTERS = "+-*/%&|^!~?:.<>=([";

    private final String text;
    private int position;
    private int line = 1;
    private int braceDepth;
    private int nesting;
    private int chain;
    private char previous = ' ';
    private String pendingKeyword = "";
    private StringBuilder packageName;
    private String declaredPackage = "";
    private final List<String> types = new ArrayList<>();
    private SourceOutline.Extent deepest = SourceOutline.Extent.NONE;
    private SourceOutline.Extent longest = SourceOutline.Extent.NONE;

    private DeclarationScanner(String text) {
        this.text = text;
    }

    /** Scans {@code text}; never throws. */
    static SourceOutline scan(String text) {
        DeclarationScanner scanner = new DeclarationScanner(text);
        scanner.run();
        return new SourceOutline(scanner.declaredPackage, scanner.types, scanner.deepest, scanner.longest);
    }

    private void run() {
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c == '\n') {
                line++;
                position++;
            } else if (Character.isWhitespace(c)) {
                position++;
            } else if (c == '/' && peek(1) == '/') {
                skipLineComment();
            } else if (c == '/' && peek(1) == '*') {
                skipBlockComment();
            } else if (c == '"' || c == '\'') {
                skipLiteral(c);
            } else if (Character.isJavaIdentifierStart(c)) {
                word(readIdentifier());
            } else if (Character.isDigit(c)) {
                readIdentifier();
                previous = '0';
            } else {
                punctuation(c);
                position++;
            }
        }
    }

    private char peek(int ahead) {
        int at = position + ahead;
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private String readIdentifier() {
        int start = position;
        while (position < text.length() && Character.isJavaIdentifierPart(text.charAt(position))) {
            position++;
        }
        return text.substring(start, position);
    }

    private void skipLineComment() {
        while (position < text.length() && text.charAt(position) != '\n') {
            position++;
        }
    }

    private void skipBlockComment() {
        position += 2;
        while (position < text.length() && !(text.charAt(position) == '*' && peek(1) == '/')) {
            countNewline();
            position++;
        }
        position += 2;
    }

    private void skipLiteral(char quote) {
        boolean textBlock = quote == '"' && peek(1) == '"' && peek(2) == '"';
        position += textBlock ? 3 : 1;
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c == '\\') {
                position += 2;
                continue;
            }
            if (textBlock ? c == '"' && peek(1) == '"' && peek(2) == '"' : c == quote || c == '\n') {
                position += textBlock ? 3 : (c == '\n' ? 0 : 1);
                break;
            }
            countNewline();
            position++;
        }
        previous = quote;
        chain++;
    }

    private void countNewline() {
        if (text.charAt(position) == '\n') {
            line++;
        }
    }

    private void word(String word) {
        if (braceDepth == 0) {
            declarationWord(word);
        }
        previous = 'a';
    }

    private void declarationWord(String word) {
        if (packageName != null) {
            packageName.append(word);
        } else if (!pendingKeyword.isEmpty()) {
            typeName(word);
        } else if (word.equals("package") && types.isEmpty() && previous != '.') {
            packageName = new StringBuilder();
        } else if ((TYPE_KEYWORDS.contains(word) || word.equals("record")) && previous != '.') {
            pendingKeyword = word;
        }
    }

    private void typeName(String word) {
        boolean isRecord = pendingKeyword.equals("record");
        pendingKeyword = "";
        if (!isRecord || nextSignificant() == '(' || nextSignificant() == '<') {
            types.add(word);
        }
    }

    private char nextSignificant() {
        int at = position;
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private void punctuation(char c) {
        if (packageName != null && braceDepth == 0) {
            packagePunctuation(c);
        }
        if (c == '(' || c == '[' || c == '{') {
            nesting++;
            deepest = deepest.max(nesting, line);
        } else if (c == ')' || c == ']' || c == '}') {
            nesting = Math.max(0, nesting - 1);
        }
        if (c == '{') {
            braceDepth++;
        } else if (c == '}') {
            braceDepth = Math.max(0, braceDepth - 1);
        }
        countChain(c);
        pendingKeyword = "";
        previous = c;
    }

    private void packagePunctuation(char c) {
        if (c == '.') {
            packageName.append('.');
        } else if (c == ';') {
            declaredPackage = packageName.toString();
            packageName = null;
        }
    }

    private void countChain(char c) {
        if (c == ';' || c == ',' || c == '{' || c == '}') {
            chain = 0;
        } else if (CHAIN_CHARACTERS.indexOf(c) >= 0) {
            chain++;
            longest = longest.max(chain, line);
        }
    }
}
