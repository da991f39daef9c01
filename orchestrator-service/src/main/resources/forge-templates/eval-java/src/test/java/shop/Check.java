package shop;

import java.util.Objects;

/** The one assertion the tests need: equal, or an AssertionError naming both values. */
final class Check {

    private Check() {
    }

    static void equal(Object actual, Object expected, String what) {
        if (!Objects.equals(actual, expected)) {
            throw new AssertionError(what + ": expected <" + expected + "> but was <" + actual + ">");
        }
        System.out.println("ok - " + what);
    }

    static void throwsIllegalArgument(Runnable action, String what) {
        try {
            action.run();
        } catch (IllegalArgumentException expected) {
            System.out.println("ok - " + what);
            return;
        }
        throw new AssertionError(what + ": expected an IllegalArgumentException");
    }
}
