package dev.gradecheck.policy;

import java.util.Objects;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * One entry of an API allow-list: a package's types ({@code java.util.*}), a type with its nested types
 * ({@code java.lang.Math}, {@code java.util.Map.Entry}), or members of a type by name ({@code java.lang.System#out},
 * {@code java.util.Arrays#parallel*}, {@code java.util.Formatter#<init>} for its constructors). A package pattern
 * covers that package's types only, not its sub-packages, as an on-demand import does. A member pattern's owner may be
 * a package pattern ({@code java.util.*#parallelStream}); only the standard list may use {@code *} for any owner.
 *
 * @param text the entry as written
 * @param packageName the owner's package, e.g. {@code java.util}; empty for any owner
 * @param typeName the owner's type within its package, e.g. {@code Map.Entry}; empty for a whole package or any owner
 * @param member the member name, or its prefix when {@code memberPrefix}; empty when the pattern covers whole types
 * @param memberPrefix whether {@code member} was written with a trailing {@code *}
 */
@API(status = API.Status.INTERNAL)
public record ApiPattern(String text, String packageName, String typeName, String member, boolean memberPrefix) {

    private static final Pattern OWNER = Pattern.compile("([a-z_][\\w$]*\\.)+(\\*|[A-Z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*)");
    private static final Pattern MEMBER = Pattern.compile("(<init>|[A-Za-z_$][\\w$]*\\*?|\\*)");
    /** How an entry must be written, for messages. */
    public static final String FORMS = "package.*, package.Type or package.Type#member (e.g. \"java.util.concurrent.*\","
            + " \"java.nio.file.Files#readAllLines\")";

    public ApiPattern {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(typeName, "typeName");
        Objects.requireNonNull(member, "member");
    }

    /**
     * Parses an entry a course writes.
     *
     * @throws IllegalArgumentException naming the entry and the accepted forms
     */
    public static ApiPattern parse(String text) {
        return parse(text, false);
    }

    /** Parses an entry of the standard list, where {@code *#member} (any owner) is also accepted. */
    static ApiPattern parse(String text, boolean anyOwner) {
        if (text == null) {
            throw new IllegalArgumentException("an allow-list entry must be written as " + FORMS + ", was missing");
        }
        String entry = text.strip();
        int hash = entry.indexOf('#');
        String owner = hash < 0 ? entry : entry.substring(0, hash);
        String member = hash < 0 ? "" : entry.substring(hash + 1);
        boolean ownerOk = OWNER.matcher(owner).matches() || anyOwner && owner.equals("*") && hash > 0;
        if (!ownerOk || hash >= 0 && !MEMBER.matcher(member).matches()) {
            throw new IllegalArgumentException("an allow-list entry must be written as " + FORMS + ", was \"" + text + "\"");
        }
        boolean prefix = member.endsWith("*");
        String memberName = prefix ? member.substring(0, member.length() - 1) : member;
        if (owner.equals("*")) {
            return new ApiPattern(entry, "", "", memberName, prefix);
        }
        QualifiedName name = owner.endsWith(".*") ? new QualifiedName(owner.substring(0, owner.length() - 2), "")
                : QualifiedName.of(owner);
        return new ApiPattern(entry, name.packageName(), name.typeName(), memberName, prefix || member.equals("*"));
    }

    /** Whether the pattern names members rather than whole types. */
    public boolean isMemberPattern() {
        return !member.isEmpty() || memberPrefix;
    }

    /** True when the pattern admits every use of {@code type}: a package or type pattern covering it. */
    boolean coversType(QualifiedName type) {
        return !isMemberPattern() && ownerMatches(type);
    }

    /** True when the pattern admits {@code type} at least as a name: any pattern whose owner covers it. */
    boolean mentions(QualifiedName type) {
        return ownerMatches(type);
    }

    /** True when the pattern admits the member {@code name} of {@code type}. */
    boolean coversMember(QualifiedName type, String name) {
        if (!isMemberPattern()) {
            return ownerMatches(type);
        }
        boolean nameMatches = memberPrefix ? name.startsWith(member) : name.equals(member);
        return nameMatches && ownerMatches(type);
    }

    private boolean ownerMatches(QualifiedName type) {
        if (packageName.isEmpty()) {
            return true;
        }
        if (!type.packageName().equals(packageName)) {
            return false;
        }
        if (typeName.isEmpty()) {
            return true;
        }
        boolean nested = type.typeName().startsWith(typeName + ".");
        return type.typeName().equals(typeName) || nested && !isMemberPattern();
    }
}
