package dev.gradecheck.child;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;

/**
 * The requested tests resolved to JUnit method selectors. Test classes are loaded in the course loader without being
 * initialized, so no course code runs here; every method with the requested name is selected, which is how a
 * parameterized method (whose parameter types the request does not name) is found.
 *
 * @param selectors one per resolved method
 * @param unresolved tests that cannot run, each with the reason
 */
record TestSelection(List<DiscoverySelector> selectors, Map<String, Unresolved> unresolved) {

    /**
     * Why a requested test cannot run.
     *
     * @param note what a reader is told, never null
     * @param cause what went wrong while loading it, or null
     */
    record Unresolved(String note, Throwable cause) {
    }

    TestSelection {
        selectors = List.copyOf(selectors);
        unresolved = Map.copyOf(unresolved);
    }

    /** Resolves every {@code Class#method} of {@code tests} in {@code loader}. */
    static TestSelection resolve(List<String> tests, ClassLoader loader) {
        List<DiscoverySelector> selectors = new ArrayList<>();
        Map<String, Unresolved> unresolved = new LinkedHashMap<>();
        for (String test : tests) {
            try {
                List<DiscoverySelector> found = select(test, loader);
                if (found.isEmpty()) {
                    unresolved.put(test, new Unresolved("the hidden tests have no method `" + test + "`", null));
                }
                selectors.addAll(found);
            } catch (ClassNotFoundException | LinkageError e) {
                unresolved.put(test, new Unresolved("the test class could not be loaded", e));
            }
        }
        return new TestSelection(selectors, unresolved);
    }

    private static List<DiscoverySelector> select(String test, ClassLoader loader) throws ClassNotFoundException {
        int hash = test.indexOf('#');
        Class<?> testClass = Class.forName(test.substring(0, hash), false, loader);
        String methodName = test.substring(hash + 1);
        List<DiscoverySelector> selectors = new ArrayList<>();
        for (Class<?> c = testClass; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                if (method.getName().equals(methodName)) {
                    selectors.add(DiscoverySelectors.selectMethod(testClass, method));
                }
            }
        }
        return selectors;
    }
}
