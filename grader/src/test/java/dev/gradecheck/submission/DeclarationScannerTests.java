package dev.gradecheck.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeclarationScannerTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "package a.b; public class C {}                                           | a.b | C",
        "package a . /* odd */ b ; class C {}                                     | a.b | C",
        "/* package x; class Fake {} */ package a; // class Fake2\\n class C {}   | a   | C",
        "package a; class C { String s = \"class Fake {\"; char c = '{'; }        | a   | C",
        "package a; @Anno(C.class) public final class C { class Inner {} }        | a   | C",
        "package a; public record Point(int x, int y) implements Shape {}         | a   | Point",
        "package a; public record Box<T>(T value) {}                              | a   | Box",
        "package a; public enum Activations implements Activation { RELU }        | a   | Activations",
        "package a; @interface Marker {} interface Shape {} final class Impl {}   | a   | Marker Shape Impl",
        "class NoPackage { void f() { class Local {} } }                          |     | NoPackage",
        "package a; class C { String t = \"\"\"\\n  class Fake {\\n  \"\"\"; }       | a   | C",
        "package a; class C { void record() {} } record R() {}                    | a   | C R"})
    void readsPackageAndTopLevelTypes(String text, String packageName, String types) {
        SourceOutline outline = DeclarationScanner.scan(text.replace("\\n", "\n"));

        assertEquals(packageName == null ? "" : packageName, outline.packageName());
        assertEquals(List.of(types.split(" ")), outline.typeNames());
    }

    @Test
    void measuresNestingAndChainsLinearly() {
        String text = "package a;\nclass C {\n int f() { return " + "(".repeat(50_000) + "1" + ")".repeat(50_000)
                + "; }\n int g() { return 1" + "+1".repeat(300) + "; }\n}";

        SourceOutline outline = DeclarationScanner.scan(text);

        assertEquals(new SourceOutline.Extent(50_002, 3), outline.deepestNesting());
        assertEquals(50_000, outline.longestChain().size());
    }

    @Test
    void scansBrokenCodeWithoutFailing() {
        SourceOutline outline = DeclarationScanner.scan("package a;\nclass C { void f( { \"unterminated\n } } } } /* open");

        assertEquals("a", outline.packageName());
        assertEquals(List.of("C"), outline.typeNames());
    }
}
