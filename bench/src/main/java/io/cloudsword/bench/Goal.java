package io.cloudsword.bench;

import java.util.List;
import java.util.Locale;

/**
 * A figure's target from the issue, printed next to the figure: {@code {"goal":">= 1000000",
 * "value":1234567.0,"pass":true}}. A figure that could not be measured (NaN) does not pass.
 */
record Goal(String name, Comparison comparison, double target, double value) {

    enum Comparison {
        AT_LEAST(">="), AT_MOST("<="), BELOW("<");

        final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }
    }

    static Goal atLeast(String name, double target, double value) {
        return new Goal(name, Comparison.AT_LEAST, target, value);
    }

    static Goal atMost(String name, double target, double value) {
        return new Goal(name, Comparison.AT_MOST, target, value);
    }

    static Goal below(String name, double target, double value) {
        return new Goal(name, Comparison.BELOW, target, value);
    }

    boolean pass() {
        if (Double.isNaN(value)) {
            return false;
        }
        return switch (comparison) {
            case AT_LEAST -> value >= target;
            case AT_MOST -> value <= target;
            case BELOW -> value < target;
        };
    }

    /** "&gt;= 1000000", "&lt; 5", "&gt;= 0.5": the target as the issue writes it. */
    String describe() {
        String number = target == Math.rint(target) && Math.abs(target) < 1e15 ? Long.toString((long) target)
                : String.format(Locale.ROOT, "%s", target);
        return comparison.symbol + " " + number;
    }

    JsonLine toJson(int decimals) {
        return new JsonLine().put("goal", describe()).put("value", value, decimals).put("pass", pass());
    }

    /** {"name":{"goal":…,"value":…,"pass":…},…} */
    static JsonLine toJson(List<Goal> goals, int decimals) {
        JsonLine all = new JsonLine();
        goals.forEach(g -> all.put(g.name(), g.toJson(decimals)));
        return all;
    }

    static boolean allPass(List<Goal> goals) {
        return goals.stream().allMatch(Goal::pass);
    }

    /** "  goal codes_per_s >= 1000000: 1234567.0 PASS" */
    String line() {
        return String.format(Locale.ROOT, "goal %-16s %-10s measured %.3f  %s", name, describe(), value,
                pass() ? "PASS" : "FAIL");
    }
}
