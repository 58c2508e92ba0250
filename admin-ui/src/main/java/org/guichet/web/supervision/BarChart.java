package org.guichet.web.supervision;

import java.util.ArrayList;
import java.util.List;

/**
 * A bar chart laid out on the server, drawn by the template as SVG: readable without
 * JavaScript, and its figures are also in the table beside it.
 *
 * @param width  the drawing's width, in SVG units
 * @param height the drawing's height
 * @param max    the value of the top of the scale
 * @param bars   one bar per period (week, month), left to right
 */
public record BarChart(int width, int height, double max, List<Bar> bars) {

    static final int WIDTH = 640;
    static final int HEIGHT = 220;
    static final int AXIS = 30;
    static final int TOP = 20;

    /**
     * @param x      left edge
     * @param y      top edge
     * @param width  bar width
     * @param height bar height (0 for no value)
     * @param label  the x-axis label (the week)
     * @param value  the value written on the bar, or empty when there is none
     */
    public record Bar(int x, int y, int width, int height, String label, String value) {
    }

    /** Lays out {@code values} (null for no value) against a scale from 0 to {@code max}. */
    public static BarChart of(List<String> labels, List<Double> values, double max, String unit) {
        return layout(labels, values, max, unit, false);
    }

    /** As {@link #of}, the values written with one decimal (working days: 1.5 j). */
    public static BarChart ofDecimals(List<String> labels, List<Double> values, double max, String unit) {
        return layout(labels, values, max, unit, true);
    }

    private static BarChart layout(List<String> labels, List<Double> values, double max, String unit,
            boolean decimals) {
        int n = Math.max(1, values.size());
        int slot = (WIDTH - AXIS) / n;
        int barWidth = Math.max(4, slot * 3 / 5);
        int plot = HEIGHT - AXIS - TOP;
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            Double value = values.get(i);
            int h = value == null || max <= 0 ? 0 : (int) Math.round(Math.min(value, max) / max * plot);
            int x = AXIS + i * slot + (slot - barWidth) / 2;
            bars.add(new Bar(x, TOP + plot - h, barWidth, h, labels.get(i),
                    value == null ? "" : (decimals ? String.format(java.util.Locale.ROOT, "%.1f", value)
                            : Long.toString(Math.round(value))) + unit));
        }
        return new BarChart(WIDTH, HEIGHT, max, bars);
    }

    /** The y of the baseline. */
    public int baseline() {
        return height - AXIS;
    }
}
